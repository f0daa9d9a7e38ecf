import type { ExtractedArticle } from '../schema.js';

export type NotArticleKind = 'too_short' | 'paywall' | 'consent' | 'bot_check' | 'js_shell' | 'error_page' | 'listing';

export const NOT_ARTICLE_SENTENCES: Record<NotArticleKind, string> = {
  too_short: 'This page has too little text to be an article; paste the article text with `text:` instead.',
  paywall: 'This page looks like a paywall; paste the article text with `text:` instead.',
  consent:
    'This page looks like a cookie-consent notice, not the article; paste the article text with `text:` instead.',
  bot_check: 'This page looks like a bot check or an access-denied page; paste the article text with `text:` instead.',
  js_shell: 'This page needs JavaScript to show its article; paste the article text with `text:` instead.',
  error_page: 'This page looks like an error page, not an article; check the link.',
  listing: 'This page looks like a list of headlines, not one article; link the article itself.',
};

/** Characters, not words, so languages written without spaces are measured fairly. */
const MIN_CHARS = 300;
/** Below this many words a page that talks about subscriptions, cookies or errors is taken to be that. */
const SHORT_PAGE_WORDS = 150;

const SIGNS: [NotArticleKind, RegExp][] = [
  [
    'bot_check',
    /\b(verify (that )?you are (a )?human|are you a robot|captcha|checking your browser|access denied|unusual traffic)\b/i,
  ],
  [
    'js_shell',
    /\b(enable javascript|javascript is (disabled|required|turned off)|requires javascript|turn on javascript)\b/i,
  ],
  [
    'paywall',
    /\b(subscribe (now )?to (continue|read|keep reading|unlock)|already a subscriber|subscribers only|for subscribers|sign in to (continue|read)|start your (free )?trial|this article is for (paid )?(members|subscribers))\b/i,
  ],
  [
    'consent',
    /\b(we (and our partners )?use cookies|accept (all )?cookies|cookie (settings|preferences|policy)|manage (your )?consent|consent preferences)\b/i,
  ],
  [
    'error_page',
    /\b(page not found|404 (error|not found)|error 404|this page (does not|doesn't) exist|(500|502|503) (error|service unavailable)|something went wrong)\b/i,
  ],
];

/**
 * Headline lists: mostly link text, in many short items, with little running prose. Tables and
 * calendars that are the article are short items too, but their text is not links.
 */
function looksLikeListing(article: ExtractedArticle): boolean {
  const paragraphs = article.text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (paragraphs.length < 8 || article.linkTextShare < 0.5) return false;
  const prose = paragraphs.filter((p) => p.length >= 80 && /[.!?…"”。！？]$/.test(p));
  return prose.length / paragraphs.length < 0.25;
}

/**
 * Decides, before any model call, whether extracted text is an article or something else a page
 * can show instead (a paywall, a consent wall, a bot check, a JavaScript shell, an error page, a
 * list of headlines). Signs only count on short pages: a real article may mention cookies.
 */
export function notAnArticle(article: ExtractedArticle): NotArticleKind | null {
  const words = article.text.split(/\s+/).filter(Boolean).length;
  const probe = `${article.title ?? ''}\n${article.text}`;
  if (words < SHORT_PAGE_WORDS) {
    for (const [kind, pattern] of SIGNS) if (pattern.test(probe)) return kind;
  }
  if (article.text.replace(/\s+/g, '').length < MIN_CHARS) return 'too_short';
  if (looksLikeListing(article)) return 'listing';
  return null;
}
