const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/** Web links in a message, without the trailing punctuation people type after them. */
export function findUrls(text: string): string[] {
  return [...text.matchAll(URL_IN_TEXT)].map((m) => m[0].replace(/[)\].,;:!?]+$/, ''));
}
