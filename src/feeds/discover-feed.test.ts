import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findFeedLinks } from './discover-feed.js';

const page = readFileSync(new URL('../../tests/fixtures/feeds/discovery.html', import.meta.url), 'utf8');

describe('findFeedLinks', () => {
  it('finds the announced feeds in order, resolved against the page, skipping other alternates', () => {
    expect(findFeedLinks(page, 'https://strait-watch.example/blog/')).toEqual([
      'https://strait-watch.example/blog/feeds/posts.atom',
      'https://strait-watch.example/feeds/posts.rss',
    ]);
  });

  it('honours <base href>, rel lists, type case and parameters, and drops duplicates', () => {
    const html = `<html><head><base href="https://cdn.example/site/">
      <link rel="Alternate feed" type="Application/Feed+JSON; charset=utf-8" href="feed.json">
      <link rel="alternate" type="application/json" href="https://cdn.example/site/feed.json">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="stylesheet" type="application/rss+xml" href="not-a-feed.xml">
      </head><body></body></html>`;
    expect(findFeedLinks(html, 'https://site.example/')).toEqual(['https://cdn.example/site/feed.json']);
  });

  it('ignores links after the head, and finds none in a page without any', () => {
    const html =
      '<html><head><title>x</title></head><body><link rel="alternate" type="application/rss+xml" href="/late.xml"></body></html>';
    expect(findFeedLinks(html, 'https://site.example/')).toEqual([]);
  });
});
