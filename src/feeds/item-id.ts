import { createHash } from 'node:crypto';
import { FEED_LIMITS } from './feed-schema.js';

export interface ItemIdSources {
  /** The feed's own id: RSS guid, RDF rdf:about, Atom id or JSON Feed id. */
  declaredId: string | null;
  url: string | null;
  title: string;
  publishedAt: string | null;
  /** Used only when there is neither a title nor a date, so two untitled, undated items still differ. */
  text: string;
}

function digest(...parts: string[]): string {
  return `sha256:${createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32)}`;
}

/**
 * A stable id for an item: the feed's own id, else its link, else a hash of its title and date. An
 * id too long to keep is stored as its hash, so a hostile feed cannot bloat the store of seen ids.
 */
export function itemId({ declaredId, url, title, publishedAt, text }: ItemIdSources): string {
  const chosen = declaredId?.trim() || url;
  if (chosen) return chosen.length <= FEED_LIMITS.maxIdChars ? chosen : digest(chosen);
  return title || publishedAt ? digest(title, publishedAt ?? '') : digest('', '', text);
}
