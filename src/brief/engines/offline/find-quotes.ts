export interface QuoteSpan {
  /** Where the quotation marks are, or the end of the text when the quotation runs on. */
  start: number;
  end: number;
  /** The quoted words, verbatim, without the marks and a trailing comma. */
  text: string;
}

const CLOSING: Record<string, string> = { '“': '”', '«': '»', '„': '“', '"': '"', '‘': '’' };

/** A mark opens a quotation at the start of the text or after white space, a bracket or a dash. */
function opensAt(text: string, i: number): boolean {
  return i === 0 || /[\s([{—–:-]/.test(text[i - 1] as string);
}

/** Where a quotation opened at `from` closes: the matching mark, for a single quote one not inside a word. */
function closingAfter(text: string, mark: string, from: number): number {
  const close = CLOSING[mark] as string;
  let at = text.indexOf(close, from);
  while (mark === '‘' && at >= 0 && /\p{L}/u.test(text[at + 1] ?? '')) at = text.indexOf(close, at + 1);
  return at;
}

/**
 * Quotations in a sentence or paragraph: curly, straight, guillemets, low-high and single curly
 * marks. A quotation left open runs to the end of the text (the next paragraph may carry it on).
 */
export function findQuotes(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const mark = text[i] as string;
    if (!(mark in CLOSING) || !opensAt(text, i)) {
      i++;
      continue;
    }
    const closeAt = closingAfter(text, mark, i + 1);
    const end = closeAt < 0 ? text.length : closeAt + 1;
    const inner = text.slice(i + 1, closeAt < 0 ? text.length : closeAt);
    const quoted = inner.trim().replace(/[,\s]+$/, '');
    // A single mark around one or two words is more often an apostrophe or a nickname than a quotation.
    if (quoted && (mark !== '‘' || quoted.split(/\s+/).length >= 3)) spans.push({ start: i, end, text: quoted });
    i = end;
  }
  return spans;
}

/** The text with quoted words blanked (same length), so nothing inside a quotation reads as attribution. */
export function maskQuotes(text: string, spans: QuoteSpan[]): string {
  let masked = text;
  for (const span of spans) {
    masked = `${masked.slice(0, span.start)}${'◊'.repeat(span.end - span.start)}${masked.slice(span.end)}`;
  }
  return masked;
}
