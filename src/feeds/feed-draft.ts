import type { FeedText } from './plain-text.js';

/** One item as a format reader found it: raw links and dates, texts still marked up. */
export interface DraftItem {
  /** RSS guid, RDF rdf:about, Atom id or JSON Feed id. */
  declaredId: string | null;
  link: string | null;
  /** The item's own xml:base, relative to the feed's. */
  xmlBase: string | null;
  title: FeedText | null;
  summary: FeedText | null;
  content: FeedText | null;
  date: string | null;
  author: string | null;
}

/** A feed as a format reader found it, before links are resolved and texts made plain. */
export interface DraftFeed {
  title: FeedText | null;
  siteLink: string | null;
  selfLink: string | null;
  xmlBase: string | null;
  ttlMinutes: number | null;
  items: DraftItem[];
}

/** feedsmith keeps values as the document gave them; a number where a string belongs is read as text. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() ? value : null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export function html(value: unknown): FeedText | null {
  const text = textOf(value);
  return text === null ? null : { value: text, kind: 'html' };
}

export function literal(value: unknown): FeedText | null {
  const text = textOf(value);
  return text === null ? null : { value: text, kind: 'text' };
}
