import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleFromText, extractArticle } from './extract-article.js';

const page = readFileSync(new URL('../../../tests/fixtures/pages/drone-intercept.html', import.meta.url), 'utf8');
const pageUrl = 'https://harbour-defence.example/news/2026/11/navy-destroyer-drones?ref=home';

describe('extractArticle', () => {
  const article = extractArticle(page, pageUrl);

  it('reads the metadata from JSON-LD, Open Graph and the document', () => {
    expect(article).toMatchObject({
      title: 'Navy says destroyer downed six drones over the gulf',
      byline: 'Mara Okonjo',
      outlet: 'Harbour Defence Review',
      publishedAt: '2026-11-20T08:30:00.000Z',
      language: 'en-GB',
      canonicalUrl: 'https://harbour-defence.example/news/2026/11/navy-destroyer-drones',
      domain: 'harbour-defence.example',
    });
  });

  it('keeps the article body in paragraphs', () => {
    expect(article.text).toContain('A navy destroyer shot down six drones over the northern gulf');
    expect(article.text).toContain(
      '“Our crew tracked every one of them and none reached its target,” she told reporters',
    );
    expect(article.text).toContain('according to industry figures cited by the navy.');
    expect(article.text.split('\n\n').length).toBeGreaterThanOrEqual(5);
  });

  it('leaves out navigation, ads, scripts and the footer', () => {
    for (const boilerplate of ['Subscribe', 'Advertisement', 'adSlots', 'All rights reserved', 'Privacy']) {
      expect(article.text).not.toContain(boilerplate);
    }
  });
});

describe('articleFromText', () => {
  it('takes a short first line as the title and a closing Source line as the outlet', () => {
    const article = articleFromText(
      'Drills end early\n\nThe navy ended its drills on Friday, a spokesman said.\n\nSource: Example Wire',
    );
    expect(article.title).toBe('Drills end early');
    expect(article.outlet).toBe('Example Wire');
    expect(article.text).toBe('The navy ended its drills on Friday, a spokesman said.');
  });

  it('does not take a full sentence as the title', () => {
    const article = articleFromText('The navy ended its drills on Friday.\nA spokesman confirmed it.');
    expect(article.title).toBeNull();
  });

  it('takes the domain from the address the text was published at, and ignores one that is not a web address', () => {
    const text = 'The navy ended its drills on Friday.\nA spokesman confirmed it.';
    const fromFeed = articleFromText(text, 'Drills end', 'https://www.navy-news.example/drills');
    expect(fromFeed).toMatchObject({ url: 'https://www.navy-news.example/drills', domain: 'navy-news.example' });
    expect(articleFromText(text, undefined, 'javascript:alert(1)')).toMatchObject({ url: null, domain: null });
  });
});
