import { createRequire } from 'node:module';
import type { parseHTML as ParseHTML } from 'linkedom';
import { htmlToText, normalizeText } from '../brief/extract/html-to-text.js';
import { capAtWord } from '../text/cap-at-word.js';

/** A feed's text field and how the feed says to read it: as HTML (markup, entities) or as literal text. */
export interface FeedText {
  value: string;
  kind: 'html' | 'text';
}

type DomNode = Parameters<typeof htmlToText>[0];

const require = createRequire(import.meta.url);
let parseHtml: typeof ParseHTML | undefined;

// C0 and C1 controls other than line breaks and tabs: never wanted in a title or a message.
const CONTROL_CHARS = /[^\P{Cc}\t\n\r]/gu;

function htmlFragmentToText(html: string): string {
  parseHtml ??= require('linkedom').parseHTML as typeof ParseHTML;
  const { document } = parseHtml(`<!DOCTYPE html><html><body>${html}</body></html>`);
  return htmlToText(document.body as unknown as DomNode);
}

/**
 * A feed field as plain text: markup removed, entities decoded, white space collapsed (to one line
 * when `singleLine`), cut at a word to `maxChars`. Only a bounded prefix of the input is ever parsed.
 */
export function plainText(text: FeedText | null | undefined, maxChars: number, singleLine = false): string {
  if (!text?.value) return '';
  const raw = text.value.slice(0, Math.max(maxChars * 10, 10_000)).replace(CONTROL_CHARS, '');
  const readable = text.kind === 'html' && /[<&]/.test(raw) ? htmlFragmentToText(raw) : normalizeText(raw);
  return capAtWord(singleLine ? readable.replace(/\s+/g, ' ').trim() : readable, maxChars);
}
