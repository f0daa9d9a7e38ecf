import type { JsonFeed } from 'feedsmith';
import { type DraftFeed, html, literal, textOf } from './feed-draft.js';

/**
 * JSON Feed 1.0 and 1.1. Titles are plain text by the spec, but feeds put entities and tags in them,
 * so they are read as HTML like RSS titles. An item whose only link is external_url (a link post)
 * points there.
 */
export function readJsonFeed(feed: JsonFeed.Feed<string>): DraftFeed {
  return {
    title: html(feed.title),
    siteLink: textOf(feed.home_page_url),
    selfLink: textOf(feed.feed_url),
    xmlBase: null,
    ttlMinutes: null,
    items: (Array.isArray(feed.items) ? feed.items : []).map((item) => ({
      declaredId: textOf(item.id),
      link: textOf(item.url) ?? textOf(item.external_url),
      xmlBase: null,
      title: html(item.title),
      summary: literal(item.summary),
      content: html(item.content_html) ?? literal(item.content_text),
      date: textOf(item.date_published) ?? textOf(item.date_modified),
      author: textOf(item.authors?.[0]?.name),
    })),
  };
}
