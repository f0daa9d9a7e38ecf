import { FEED_LIMITS } from './feed-schema.js';

/**
 * A feed's link made absolute against its base (xml:base, else the feed's own address), or null when
 * it is missing, unparsable, too long or not http(s): a `javascript:` or `file:` link is never kept.
 */
export function resolveLink(href: string | null | undefined, base: string | null): string | null {
  const trimmed = typeof href === 'string' ? href.trim() : '';
  if (!trimmed) return null;
  let url: URL;
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href.length <= FEED_LIMITS.maxUrlChars ? url.href : null;
}
