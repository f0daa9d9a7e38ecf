/** Under this size a text is a line or two, not an article. */
const MIN_SIZE = 120;
const MIN_SENTENCES = 2;
/** A Chinese, Japanese or Korean character says about as much as three Latin letters. */
const DENSE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** Words ending in sentence punctuation: a full stop followed by a space or the end (not a URL's dot), or CJK/Arabic marks. */
const SENTENCE = /\p{L}[^.!?。！？؟]*?(?:[.!?]+(?=\s|$|["'”’)\]])|[。！？؟]+)/gu;

/**
 * Why pasted text cannot be briefed by any engine (nothing there, a line or two, no sentences), as
 * the one sentence the user sees; null when it can.
 */
export function unbriefableText(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return 'There is no text to brief: paste the article itself.';
  const size = trimmed.length + 2 * (trimmed.match(DENSE_SCRIPT)?.length ?? 0);
  if (size < MIN_SIZE) {
    return 'That text is too short to brief: paste the article itself, at least a few sentences.';
  }
  if ((trimmed.match(SENTENCE) ?? []).length < MIN_SENTENCES) {
    return 'That text has no sentences to brief: paste the article itself, not a list of words or links.';
  }
  return null;
}
