/**
 * The labelled story set (bench/story-set/, its schema and loader there) as the stories evaluation
 * reads it: every article with a set-wide id and its story, and each file's conflict, agreement and
 * one-side labels. Cues are exact substrings of the article's text.
 */
import { pathToFileURL } from 'node:url';
import { loadStorySet as loadFiles, storyOf } from './story-set/load-story-set.js';
import type { StorySetArticle, StorySetFile } from './story-set/schema.js';

export interface LabelledArticle {
  /** Unique across the set: file event and article id. */
  uid: string;
  event: string;
  article: StorySetArticle;
}

export interface StorySet {
  files: StorySetFile[];
  articles: LabelledArticle[];
}

/** Article ids are unique within a file; across files they are told apart by the file's event. */
export const articleUid = (fileEvent: string, id: string) => `${fileEvent}/${id}`;

export function loadStorySet(dir: string): StorySet {
  const files = loadFiles(pathToFileURL(dir.endsWith('/') ? dir : `${dir}/`)).map((entry) => entry.file);
  const articles = files.flatMap((file) =>
    file.articles.map((article) => ({
      uid: articleUid(file.event, article.id),
      event: storyOf(file, article),
      article,
    })),
  );
  return { files, articles };
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A page as an outlet would serve it: title, outlet, date and address in meta tags, paragraphs in an article. */
export function pageOf(article: StorySetArticle): string {
  const paragraphs = article.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(article.title)}</title>
<meta property="og:title" content="${escapeHtml(article.title)}">
<meta property="og:site_name" content="${escapeHtml(article.outlet)}">
<meta property="article:published_time" content="${escapeHtml(article.publishedAt)}">
<link rel="canonical" href="${escapeHtml(article.url)}"></head>
<body><article>${paragraphs}</article></body></html>`;
}
