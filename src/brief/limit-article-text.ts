/** Cuts article text to the model's input cap at a paragraph (or else word) boundary. */
export function limitArticleText(text: string, maxChars: number): { text: string; truncated: boolean } {
  if (text.length <= maxChars) return { text, truncated: false };
  const cut = text.slice(0, maxChars);
  const paragraph = cut.lastIndexOf('\n\n');
  const boundary = paragraph > maxChars * 0.8 ? paragraph : cut.lastIndexOf(' ');
  return { text: cut.slice(0, boundary > 0 ? boundary : maxChars).trimEnd(), truncated: true };
}
