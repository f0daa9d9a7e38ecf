import type { Sentence } from './split-sentences.js';

const STOPWORDS = new Set(
  'a an and are as at be been but by for from has have he her his in into is it its of on or our said says she that the their them they this to was were which who will with would'.split(
    ' ',
  ),
);

function terms(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => t.length > 2 && !STOPWORDS.has(t));
}

/**
 * Centrality: each sentence's cosine similarity to the whole article's term profile (TF-IDF over
 * sentences), with a small lead bonus since news puts its point first; -1 for a sentence too short
 * to say much. One score per sentence, in the order given.
 */
export function centralityScores(sentences: Sentence[]): number[] {
  const termLists = sentences.map((s) => terms(s.text));
  const documentFrequency = new Map<string, number>();
  for (const list of termLists)
    for (const t of new Set(list)) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log(1 + sentences.length / (documentFrequency.get(t) ?? 1));

  const vectors = termLists.map((list) => {
    const v = new Map<string, number>();
    for (const t of list) v.set(t, (v.get(t) ?? 0) + idf(t));
    return v;
  });
  const centroid = new Map<string, number>();
  for (const v of vectors) for (const [t, w] of v) centroid.set(t, (centroid.get(t) ?? 0) + w);
  const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((a, w) => a + w * w, 0)) || 1;
  const centroidNorm = norm(centroid);

  return sentences.map((sentence, i) => {
    const v = vectors[i] as Map<string, number>;
    let dot = 0;
    for (const [t, w] of v) dot += w * (centroid.get(t) ?? 0);
    const tooShort = (termLists[i]?.length ?? 0) < 4;
    const lead = 0.15 / (1 + sentence.index);
    return tooShort ? -1 : dot / (norm(v) * centroidNorm) + lead;
  });
}

/** The top `count` sentences by centrality, back in article order. */
export function mostCentralSentences(sentences: Sentence[], count: number): Sentence[] {
  const scores = centralityScores(sentences);
  return sentences
    .map((sentence, i) => ({ sentence, score: scores[i] ?? -1 }))
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map((s) => s.sentence)
    .sort((a, b) => a.index - b.index);
}
