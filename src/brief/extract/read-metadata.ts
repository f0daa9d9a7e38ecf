export interface PageMetadata {
  title: string | null;
  byline: string | null;
  outlet: string | null;
  publishedAt: string | null;
  language: string | null;
  canonicalUrl: string | null;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|OpinionNewsArticle|Report|WebPage)$/;

function asObjects(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(asObjects);
  if (value && typeof value === 'object') {
    const object = value as JsonObject;
    return [object, ...asObjects(object['@graph'])];
  }
  return [];
}

function typesOf(object: JsonObject): string[] {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => n !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (value && typeof value === 'object') return nameOf((value as JsonObject).name);
  return null;
}

/** The first article-like JSON-LD object, preferring news types over a generic WebPage. */
function findJsonLdArticle(document: Document): JsonObject | null {
  const objects: JsonObject[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      objects.push(...asObjects(JSON.parse(script.textContent ?? '')));
    } catch {
      // Malformed JSON-LD is common; the other metadata sources still apply.
    }
  }
  const articles = objects.filter((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t)));
  return articles.find((o) => !typesOf(o).includes('WebPage')) ?? articles[0] ?? null;
}

function metaContent(document: Document, ...selectors: string[]): string | null {
  for (const selector of selectors) {
    const content = document.querySelector(selector)?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

function toIsoDate(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function absoluteHttpUrl(href: string | null | undefined, base: string | null): string | null {
  if (!href) return null;
  try {
    const url = base ? new URL(href, base) : new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function normalizeLanguage(value: string | null | undefined): string | null {
  const match = /^([a-z]{2,3})(?:[-_]([a-z0-9]{2,8}))?/i.exec(value?.trim() ?? '');
  if (!match?.[1]) return null;
  return match[2] ? `${match[1].toLowerCase()}-${match[2].toUpperCase()}` : match[1].toLowerCase();
}

/** Title, byline, outlet, date, language and canonical URL from JSON-LD, Open Graph and HTML. */
export function readMetadata(document: Document, pageUrl: string | null): PageMetadata {
  const ld = findJsonLdArticle(document);
  const firstTime = document.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime') ?? null;
  return {
    title:
      nameOf(ld?.headline) ??
      metaContent(document, 'meta[property="og:title"]', 'meta[name="twitter:title"]') ??
      (document.querySelector('title')?.textContent?.trim() || null),
    byline: nameOf(ld?.author) ?? metaContent(document, 'meta[name="author"]', 'meta[property="article:author"]'),
    outlet:
      nameOf(ld?.publisher) ?? metaContent(document, 'meta[property="og:site_name"]', 'meta[name="application-name"]'),
    publishedAt: toIsoDate(
      nameOf(ld?.datePublished) ??
        metaContent(
          document,
          'meta[property="article:published_time"]',
          'meta[name="pubdate"]',
          'meta[name="publish-date"]',
          'meta[name="parsely-pub-date"]',
          'meta[name="date"]',
          'meta[name="dc.date"]',
        ) ??
        firstTime,
    ),
    language: normalizeLanguage(
      document.documentElement?.getAttribute('lang') ??
        metaContent(document, 'meta[http-equiv="content-language"]', 'meta[property="og:locale"]'),
    ),
    canonicalUrl:
      absoluteHttpUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href'), pageUrl) ??
      absoluteHttpUrl(metaContent(document, 'meta[property="og:url"]'), pageUrl),
  };
}
