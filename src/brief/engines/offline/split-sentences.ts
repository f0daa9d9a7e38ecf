export interface Sentence {
  text: string;
  /** Position in article order, used to keep extracted sentences in reading order. */
  index: number;
  paragraph: number;
}

type Nlp = typeof import('compromise').default;
let nlpModule: Promise<Nlp> | undefined;

/** compromise holds tens of megabytes of lexicon: loaded on the first offline brief, not at start. */
export function loadNlp(): Promise<Nlp> {
  nlpModule ??= import('compromise').then((m) => m.default);
  return nlpModule;
}

/** Opening and closing double quotation marks outside words, in a sentence. */
function quoteBalance(text: string): number {
  const curly = (text.match(/[“«„]/g)?.length ?? 0) - (text.match(/[”»]/g)?.length ?? 0);
  const straight = (text.match(/"/g)?.length ?? 0) % 2;
  return curly + straight;
}

/**
 * Sentences of the article, split by compromise paragraph by paragraph (never across paragraphs).
 * A quotation that runs over several sentences stays one unit, so its words keep their speaker.
 */
export async function splitSentences(text: string): Promise<Sentence[]> {
  const nlp = await loadNlp();
  const sentences: Sentence[] = [];
  text.split(/\n\s*\n|\n/).forEach((paragraph, paragraphIndex) => {
    const trimmed = paragraph.trim();
    if (!trimmed) return;
    let open = '';
    for (const sentence of nlp(trimmed).sentences().out('array') as string[]) {
      const clean = sentence.trim();
      if (!clean) continue;
      const joined = open ? `${open} ${clean}` : clean;
      if (quoteBalance(joined) > 0 && joined.length < 1_500) {
        open = joined;
        continue;
      }
      open = '';
      sentences.push({ text: joined, index: sentences.length, paragraph: paragraphIndex });
    }
    if (open) sentences.push({ text: open, index: sentences.length, paragraph: paragraphIndex });
  });
  return sentences;
}
