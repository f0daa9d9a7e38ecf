/** Abbreviations a sentence does not end at: "Gen. Bagheri", "Nov. 24", "U.S. forces". */
const ABBREVIATION =
  /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Cmdr|Rep|Sen|Gov|Brig|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N|e\.g|i\.e|\p{Lu})\.$/u;
const MIN_WORDS = 4;

/**
 * Sentences of an article's opening, paragraph by paragraph. The excerpt is cut at a fixed length,
 * so a last piece without closing punctuation is a fragment and is dropped. Short pieces (datelines,
 * bylines) are dropped too.
 */
export function splitExcerpt(excerpt: string): string[] {
  const sentences: string[] = [];
  for (const paragraph of excerpt.split(/\n+/)) {
    const pieces = paragraph.trim().split(/(?<=[.!?][”"’)]?)\s+(?=[“"‘(]?[\p{Lu}\p{N}])/u);
    let current = '';
    for (const piece of pieces) {
      current = current ? `${current} ${piece}` : piece;
      if (!ABBREVIATION.test(current)) {
        sentences.push(current);
        current = '';
      }
    }
    if (current) sentences.push(current);
  }
  const last = sentences.at(-1);
  if (last && excerpt.trimEnd().endsWith(last) && !/[.!?…][”"’)]?$/.test(last)) sentences.pop();
  return sentences.filter((s) => s.split(/\s+/).length >= MIN_WORDS);
}
