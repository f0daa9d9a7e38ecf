import type { RdfFeed, RssFeed } from 'feedsmith';
import { type DraftFeed, type DraftItem, html, textOf } from './feed-draft.js';

type RssItem = RssFeed.Item<string>;

/** An RSS guid is the item's permalink unless it says isPermaLink="false" (the spec's default is true). */
function permalinkOf(guid: RssItem['guid']): string | null {
  const value = textOf(guid?.value);
  return value && guid?.isPermaLink !== false && /^https?:\/\//i.test(value) ? value : null;
}

function rssAuthor(item: RssItem): string | null {
  const person = item.authors?.[0];
  return textOf(item.dc?.creators?.[0]) ?? textOf(person?.name) ?? textOf(person?.email);
}

function readRssItem(item: RssItem): DraftItem {
  return {
    declaredId: textOf(item.guid?.value),
    link: textOf(item.link) ?? permalinkOf(item.guid),
    xmlBase: textOf(item.xml?.base),
    // RSS titles and descriptions are HTML in practice (escaped or in CDATA), whatever the spec hoped.
    title: html(item.title) ?? html(item.dc?.titles?.[0]),
    summary: html(item.description),
    content: html(item.content?.encoded),
    date: textOf(item.pubDate) ?? textOf(item.dc?.dates?.[0]),
    author: rssAuthor(item),
  };
}

/** RSS 0.9x and 2.0 (feedsmith maps 0.9x's elements onto 2.0's). */
export function readRss(feed: RssFeed.Feed<string>): DraftFeed {
  const ttl = Number(feed.ttl);
  return {
    title: html(feed.title),
    siteLink: textOf(feed.link),
    selfLink: textOf(feed.atom?.links?.find((link) => link.rel === 'self')?.href),
    xmlBase: textOf(feed.xml?.base),
    ttlMinutes: Number.isInteger(ttl) && ttl > 0 ? ttl : null,
    items: (feed.items ?? []).map(readRssItem),
  };
}

/** RDF Site Summary (RSS 1.0): each item's rdf:about is its identifier, dates come from Dublin Core. */
export function readRdf(feed: RdfFeed.Feed<string>): DraftFeed {
  return {
    title: html(feed.title),
    siteLink: textOf(feed.link),
    selfLink: textOf(feed.atom?.links?.find((link) => link.rel === 'self')?.href),
    xmlBase: textOf(feed.xml?.base),
    ttlMinutes: null,
    items: (feed.items ?? []).map((item) => ({
      declaredId: textOf(item.rdf?.about),
      link: textOf(item.link),
      xmlBase: textOf(item.xml?.base),
      title: html(item.title),
      summary: html(item.description),
      content: html(item.content?.encoded),
      date: textOf(item.dc?.dates?.[0]),
      author: textOf(item.dc?.creators?.[0]),
    })),
  };
}
