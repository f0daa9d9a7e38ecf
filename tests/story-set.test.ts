import { getDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import { loadStorySet, storyOf } from '../bench/story-set/load-story-set.js';
import type { StorySetArticle, StorySetFile } from '../bench/story-set/schema.js';
import { loadOutletRegistry } from '../src/brief/checks/outlet-registry.js';

const WINDOW_MS = 72 * 3_600_000;
const entries = loadStorySet();
const registry = loadOutletRegistry();
const articles = entries.flatMap(({ fileName, file }) =>
  file.articles.map((article) => ({ fileName, file, article, story: storyOf(file, article) })),
);
const eventFiles = entries.filter(({ file }) => file.kind === 'event');
const eventLabels = new Set(eventFiles.map(({ file }) => file.event));
const distractors = articles.flatMap((a) => ('event' in a.article ? [{ ...a, decoyFor: a.article.decoyFor }] : []));
const time = (a: StorySetArticle) => Date.parse(a.publishedAt);
const words = (text: string) => text.trim().split(/\s+/).length;
const vocabulary = (a: StorySetArticle) => new Set(`${a.title} ${a.text}`.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
function jaccard(a: StorySetArticle, b: StorySetArticle): number {
  const x = vocabulary(a);
  const y = vocabulary(b);
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / (x.size + y.size - shared);
}

const labelledSides = (file: StorySetFile) => [...file.conflicts, ...file.agreements];

describe('the story set', () => {
  it('parses every file, each named after its event', () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const { fileName, file } of entries) expect(fileName).toBe(`${file.event}.json`);
  });

  it('gives every article an id of its own across the whole set', () => {
    const ids = articles.map(({ article }) => article.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps each story inside one file, and distractor stories apart from the events', () => {
    const fileOfStory = new Map<string, string>();
    for (const { fileName, story } of articles) {
      expect(fileOfStory.get(story) ?? fileName, story).toBe(fileName);
      fileOfStory.set(story, fileName);
    }
    for (const { story } of distractors) expect(eventLabels.has(story), story).toBe(false);
  });

  it('has at least 8 events, each told by 3 or more outlets of more than one kind and country', () => {
    expect(eventFiles.length).toBeGreaterThanOrEqual(8);
    for (const { file } of eventFiles) {
      const outlets = file.articles.map((a) => registry.find({ url: a.url }));
      expect(new Set(outlets.map((o) => o?.name)).size, file.event).toBeGreaterThanOrEqual(3);
      expect(new Set(outlets.map((o) => o?.kind)).size, file.event).toBeGreaterThanOrEqual(2);
      expect(new Set(outlets.map((o) => o?.country)).size, file.event).toBeGreaterThanOrEqual(2);
    }
  });

  it('labels at least one conflict, one agreement and one one-side point in every event', () => {
    for (const { file } of eventFiles) {
      expect(file.conflicts.length, file.event).toBeGreaterThan(0);
      expect(file.agreements.length, file.event).toBeGreaterThan(0);
      expect(file.oneSide.length, file.event).toBeGreaterThan(0);
    }
  });

  it('publishes the members of each story within 72 hours of each other', () => {
    const times = new Map<string, number[]>();
    for (const { story, article } of articles) times.set(story, [...(times.get(story) ?? []), time(article)]);
    for (const [story, list] of times)
      expect(Math.max(...list) - Math.min(...list), story).toBeLessThanOrEqual(WINDOW_MS);
  });

  it('has at least 6 distractor stories, some inside and some outside the window of the event they imitate', () => {
    expect(new Set(distractors.map(({ story }) => story)).size).toBeGreaterThanOrEqual(6);
    const gaps = distractors.flatMap(({ article, decoyFor }) => {
      if (!decoyFor) return [];
      expect(eventLabels.has(decoyFor), decoyFor).toBe(true);
      const eventTimes = articles.filter(({ story }) => story === decoyFor).map((a) => time(a.article));
      return [Math.min(...eventTimes.map((t) => Math.abs(t - time(article))))];
    });
    expect(gaps.some((gap) => gap <= WINDOW_MS)).toBe(true);
    expect(gaps.some((gap) => gap > WINDOW_MS)).toBe(true);
  });

  it('resolves every article to its outlet in the registry by the domain of its url', () => {
    for (const { article } of articles) {
      const outlet = registry.find({ url: article.url });
      expect(outlet?.name, `${article.id}: ${getDomain(article.url)}`).toBe(article.outlet);
    }
  });

  it('writes articles of news length with typographic quotation marks', () => {
    for (const { article } of articles) {
      expect(words(article.text), article.id).toBeGreaterThanOrEqual(150);
      expect(words(article.text), article.id).toBeLessThanOrEqual(450);
      expect(article.text, article.id).not.toContain('"');
      expect(article.text.split('“').length, article.id).toBe(article.text.split('”').length);
    }
  });

  it('takes every cue verbatim from the article it names, in the same file', () => {
    for (const { file } of entries) {
      const text = new Map(file.articles.map((a) => [a.id, a.text]));
      const cues = [
        ...labelledSides(file).flatMap((label) => label.sides),
        ...file.oneSide.map(({ article, cue }) => ({ article, cue })),
      ];
      for (const { article, cue } of cues) expect(text.get(article), `${file.event} ${article}`).toContain(cue);
    }
  });

  it('draws the sides of a conflict or agreement from different articles of one story', () => {
    for (const { file } of entries) {
      const story = new Map(file.articles.map((a) => [a.id, storyOf(file, a)]));
      for (const { topic, sides } of labelledSides(file)) {
        const ids = sides.map((s) => s.article);
        expect(new Set(ids).size, `${file.event}: ${topic}`).toBe(ids.length);
        expect(new Set(ids.map((id) => story.get(id))).size, `${file.event}: ${topic}`).toBe(1);
      }
    }
  });

  it('gives every conflict at least two different versions', () => {
    for (const { file } of entries) {
      for (const conflict of file.conflicts) {
        expect(new Set(conflict.sides.map((s) => s.value)).size, conflict.topic).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('cannot be grouped by shared words alone', () => {
    const membersOf = (story: string) => articles.filter((a) => a.story === story).map((a) => a.article);
    const leastAlike = new Map(
      eventFiles.map(({ file }) => {
        const pairs = file.articles.flatMap((a, i) => file.articles.slice(i + 1).map((b) => jaccard(a, b)));
        return [file.event, Math.min(...pairs)];
      }),
    );
    // Every event has two accounts that share few words, as opposite sides' state media do.
    for (const [event, least] of leastAlike) expect(least, event).toBeLessThan(0.15);
    // And several distractors are closer in words to a member of the event they imitate than that
    // event's two least alike members are to each other.
    const closer = distractors.filter(({ article, decoyFor }) => {
      if (!decoyFor) return false;
      const nearest = Math.max(...membersOf(decoyFor).map((m) => jaccard(article, m)));
      return nearest > (leastAlike.get(decoyFor) ?? 1);
    });
    expect(closer.length).toBeGreaterThanOrEqual(6);
  });
});
