/**
 * What the stories evaluation reads of the labelled story set (bench/story-set/): one JSON file per
 * event, each article told by an outlet, with the points where the outlets conflict (sides with
 * values), agree, or where only one reports something. Cues are exact substrings of the article's
 * text. Files of distractors give each article its own event. Only the fields the evaluation needs
 * are read, and others are let through, so the set's own schema may grow.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const CueSchema = z.object({
  article: z.string(),
  cue: z.string().min(1),
  /** A conflict side's version in a few words: sides with equal values agree with each other. */
  value: z.string().optional(),
});
const LabelledPointSchema = z.object({ topic: z.string(), sides: z.array(CueSchema).min(1) });

export const StorySetFileSchema = z.object({
  event: z.string(),
  description: z.string().optional(),
  articles: z.array(
    z.object({
      id: z.string(),
      /** Overrides the file's event (distractor files hold unrelated items). */
      event: z.string().optional(),
      outlet: z.string(),
      url: z.string(),
      publishedAt: z.string(),
      title: z.string(),
      text: z.string(),
    }),
  ),
  conflicts: z.array(LabelledPointSchema).default([]),
  agreements: z.array(LabelledPointSchema).default([]),
  oneSide: z.array(CueSchema).default([]),
});
export type StorySetFile = z.infer<typeof StorySetFileSchema>;

export interface LabelledArticle {
  /** Unique across the set: file event and article id. */
  uid: string;
  event: string;
  article: StorySetFile['articles'][number];
}

export interface StorySet {
  files: StorySetFile[];
  articles: LabelledArticle[];
}

/** Article ids are unique within a file; across files they are told apart by the file's event. */
export const articleUid = (fileEvent: string, id: string) => `${fileEvent}/${id}`;

export function loadStorySet(dir: string): StorySet {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => StorySetFileSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
  const articles = files.flatMap((file) =>
    file.articles.map((article) => ({
      uid: articleUid(file.event, article.id),
      event: article.event ?? file.event,
      article,
    })),
  );
  return { files, articles };
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A page as an outlet would serve it: title, outlet, date and address in meta tags, paragraphs in an article. */
export function pageOf(article: StorySetFile['articles'][number]): string {
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
