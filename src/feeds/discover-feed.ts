import { createRequire } from 'node:module';
import type { parseHTML as ParseHTML } from 'linkedom';
import { resolveLink } from './resolve-link.js';

/** The `type` of a `<link rel="alternate">` that announces a feed. */
const FEED_LINK_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/json',
]);

const require = createRequire(import.meta.url);
let parseHtml: typeof ParseHTML | undefined;

/**
 * The feeds a web page announces with `<link rel="alternate" type="…">`, absolute (against the page's
 * `<base href>`, else its address), in document order, without duplicates. Only the head is parsed:
 * that is where the links belong, and a page's body can be large.
 */
export function findFeedLinks(html: string, pageUrl: string): string[] {
  parseHtml ??= require('linkedom').parseHTML as typeof ParseHTML;
  const headEnd = html.search(/<\/head\s*>/i);
  const { document } = parseHtml(headEnd >= 0 ? html.slice(0, headEnd) : html);
  const base = resolveLink(document.querySelector('base[href]')?.getAttribute('href'), pageUrl) ?? pageUrl;
  const found: string[] = [];
  for (const link of document.querySelectorAll('link[rel][href]')) {
    const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!rels.includes('alternate') || !FEED_LINK_TYPES.has(type)) continue;
    const href = resolveLink(link.getAttribute('href'), base);
    if (href && !found.includes(href)) found.push(href);
  }
  return found;
}
