export interface Sentence {
  text: string;
  /** Position in article order, used to keep extracted sentences in reading order. */
  index: number;
  paragraph: number;
  /** People the sentence names, as compromise tags them, without trailing punctuation. */
  people: string[];
}

type Nlp = typeof import('compromise').default;
let nlpModule: Promise<Nlp> | undefined;

/** compromise holds tens of megabytes of lexicon: loaded on the first offline brief, not at start. */
function loadNlp(): Promise<Nlp> {
  nlpModule ??= import('compromise').then((m) => m.default);
  return nlpModule;
}

/** Sentences of the article, split by compromise paragraph by paragraph (never across paragraphs). */
export async function splitSentences(text: string): Promise<Sentence[]> {
  const nlp = await loadNlp();
  const sentences: Sentence[] = [];
  text.split(/\n\s*\n|\n/).forEach((paragraph, paragraphIndex) => {
    const trimmed = paragraph.trim();
    if (!trimmed) return;
    for (const sentence of nlp(trimmed).sentences().out('array') as string[]) {
      const clean = sentence.trim();
      if (!clean) continue;
      const people = (nlp(clean).people().out('array') as string[])
        .map((name) => name.replace(/[,.;:'’"”]+$/u, '').trim())
        .filter((name) => name.length > 1);
      sentences.push({ text: clean, index: sentences.length, paragraph: paragraphIndex, people });
    }
  });
  return sentences;
}
