import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as ParseHTML } from 'linkedom';
import type { ExtractedArticle } from '../schema.js';
import { htmlToText, normalizeText } from './html-to-text.js';
import { readMetadata } from './read-metadata.js';
import { removeBoilerplate } from './remove-boilerplate.js';

type DomNode = Parameters<typeof htmlToText>[0];

// The DOM and Readability load with the first page to extract, not at start (pasted text never needs them).
const require = createRequire(import.meta.url);
let dom: { parseHTML: typeof ParseHTML; Readability: typeof ReadabilityClass } | undefined;
function loadDom() {
  dom ??= { parseHTML: require('linkedom').parseHTML, Readability: require('@mozilla/readability').Readability };
  return dom;
}

export function domainOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '').toLowerCase() || null;
  } catch {
    return null;
  }
}

/** Readability's result, or null when it gives up on a page (it throws on some malformed ones). */
function readableContent(document: Document) {
  try {
    return new (loadDom().Readability)<DomNode>(document, { serializer: (node) => node as unknown as DomNode }).parse();
  } catch {
    return null;
  }
}

/** Drops a trailing " | Outlet" or " - Outlet" from a title when it names the outlet. */
function stripOutletSuffix(title: string | null, outlet: string | null): string | null {
  if (!title || !outlet) return title;
  const match = /^(.*\S)\s+[|\-–—:]\s+(.+)$/.exec(title);
  return match?.[1] && match[2]?.toLowerCase() === outlet.toLowerCase() ? match[1] : title;
}

/**
 * Main text and metadata of an HTML page. Metadata is read first because Readability rewrites the
 * document; the article body comes from Readability's content node, turned into paragraphs.
 */
export function extractArticle(html: string, pageUrl: string | null): ExtractedArticle {
  // linkedom builds no document element from a fragment (or nothing), and Readability needs one.
  const { document } = loadDom().parseHTML(
    /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><body>${html}</body></html>`,
  );
  const metadata = readMetadata(document as unknown as Document, pageUrl);
  removeBoilerplate(document as unknown as Document);
  const parsed = readableContent(document as unknown as Document);
  const root = (parsed?.content ?? document.body) as unknown as DomNode & {
    querySelectorAll(s: string): ArrayLike<{ textContent: string | null }>;
  };
  const text = htmlToText(root);
  const linkChars = Array.from(root.querySelectorAll('a')).reduce(
    (n, a) => n + (a.textContent ?? '').replace(/\s+/g, '').length,
    0,
  );
  const linkTextShare = Math.min(1, linkChars / Math.max(1, text.replace(/\s+/g, '').length));
  const outlet = metadata.outlet ?? parsed?.siteName?.trim() ?? null;
  return {
    url: pageUrl,
    canonicalUrl: metadata.canonicalUrl,
    title: stripOutletSuffix(metadata.title ?? parsed?.title?.trim() ?? null, outlet),
    byline: metadata.byline ?? (parsed?.byline?.trim() || null),
    outlet,
    // The address we fetched, not the page's own canonical claim, says which outlet served it.
    domain: domainOf(pageUrl),
    publishedAt: metadata.publishedAt ?? null,
    language: metadata.language ?? (parsed?.lang ? parsed.lang.toLowerCase() : null),
    text,
    linkTextShare,
  };
}

const SOURCE_LINE = /\n(?:Source|Courtesy of|Via):\s*([^\n]{2,80})$/i;

/**
 * Pasted text skips fetching and extraction. A first line on its own, short and without a final
 * full stop, is taken as the title, and a closing "Source: X" line as the outlet, as in a copied
 * article. The address the text came from (a feed item's link), when known, gives its domain, so the
 * outlet registry and the Original button work as for a fetched page.
 */
export function articleFromText(raw: string, title?: string, url?: string): ExtractedArticle {
  let text = normalizeText(raw);
  const source = SOURCE_LINE.exec(text);
  if (source) text = text.slice(0, source.index).trim();
  const [firstLine = '', ...rest] = text.split('\n');
  const looksLikeTitle = !title && rest.length > 0 && firstLine.length <= 160 && !/[.!?]$/.test(firstLine);
  const address = url && /^https?:\/\//i.test(url) ? url : null;
  return {
    url: address,
    canonicalUrl: null,
    title: title ?? (looksLikeTitle ? firstLine : null),
    byline: null,
    outlet: source?.[1]?.trim() ?? null,
    domain: domainOf(address),
    publishedAt: null,
    language: null,
    text: looksLikeTitle ? rest.join('\n').trim() : text,
    linkTextShare: 0,
  };
}
