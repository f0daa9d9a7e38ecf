import type { AtomFeed } from 'feedsmith';
import { type DraftFeed, type DraftItem, textOf } from './feed-draft.js';
import type { FeedText } from './plain-text.js';

type AtomLink = AtomFeed.Link<string>;

/** An Atom text construct: type="html" and "xhtml" carry markup, "text" (the default) is literal. */
function atomText(text: { value?: string; type?: string; src?: string } | undefined): FeedText | null {
  const value = textOf(text?.value);
  if (value === null) return null;
  return { value, kind: text?.type && /html/i.test(text.type) ? 'html' : 'text' };
}

/** The link a reader follows: rel="alternate" (the default), preferring an HTML page over other types. */
function alternateHref(links: AtomLink[] | undefined): string | null {
  const alternates = (links ?? []).filter((link) => !link.rel || link.rel === 'alternate');
  const page = alternates.find((link) => !link.type || /html/i.test(link.type)) ?? alternates[0];
  return textOf(page?.href);
}

function readEntry(entry: AtomFeed.Entry<string>): DraftItem {
  return {
    declaredId: textOf(entry.id),
    link: alternateHref(entry.links),
    xmlBase: textOf(entry.xml?.base),
    title: atomText(entry.title),
    summary: atomText(entry.summary),
    // Out-of-line content (src=…) is a reference, not text.
    content: entry.content?.src ? null : atomText(entry.content),
    date: textOf(entry.published) ?? textOf(entry.updated),
    author: textOf(entry.authors?.[0]?.name),
  };
}

/** Atom 1.0 (and 0.3, which feedsmith maps onto it). */
export function readAtom(feed: AtomFeed.Feed<string>): DraftFeed {
  return {
    title: atomText(feed.title),
    siteLink: alternateHref(feed.links),
    selfLink: textOf(feed.links?.find((link) => link.rel === 'self')?.href),
    xmlBase: textOf(feed.xml?.base),
    ttlMinutes: null,
    items: (feed.entries ?? []).map(readEntry),
  };
}
