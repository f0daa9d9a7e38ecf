import nlp from 'compromise';

export interface Sentence {
  text: string;
  /** Position in article order, used to keep extracted sentences in reading order. */
  index: number;
  paragraph: number;
}

/** Sentences of the article, split by compromise paragraph by paragraph (never across paragraphs). */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  text.split(/\n\s*\n|\n/).forEach((paragraph, paragraphIndex) => {
    const trimmed = paragraph.trim();
    if (!trimmed) return;
    for (const sentence of nlp(trimmed).sentences().out('array') as string[]) {
      const clean = sentence.trim();
      if (clean) sentences.push({ text: clean, index: sentences.length, paragraph: paragraphIndex });
    }
  });
  return sentences;
}

/** People named in a sentence, as compromise tags them, without trailing punctuation. */
export function peopleIn(sentence: string): string[] {
  return (nlp(sentence).people().out('array') as string[])
    .map((name) => name.replace(/[,.;:'’"”]+$/u, '').trim())
    .filter((name) => name.length > 1);
}
