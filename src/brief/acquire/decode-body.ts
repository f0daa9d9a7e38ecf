/** Reads the charset parameter of a Content-Type header, if any. */
function charsetFromContentType(contentType: string): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType);
  return match?.[1] ?? null;
}

function charsetFromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** `<meta charset>` or `<meta http-equiv=content-type>` within the first 1024 bytes, as browsers do. */
function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return match?.[1] ?? null;
}

// WHATWG windows-1252 bytes 0x80..0x9F (also used for "latin1"/"iso-8859-1" labels). Node 20's
// TextDecoder takes a Latin-1 fast path and returns C1 controls for them, so they are mapped here.
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const text = new TextDecoder('windows-1252').decode(bytes);
  return text.replace(/[\u0080-\u009f]/g, (ch) => WINDOWS_1252_HIGH[ch.charCodeAt(0) - 0x80] as string);
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/**
 * Decodes a page the way a browser would: a byte-order mark wins, then the HTTP header, then the
 * document's own meta declaration (HTML only), then UTF-8. Unknown labels fall through.
 */
export function decodeBody(bytes: Uint8Array, contentType: string, isHtml: boolean): { text: string; charset: string } {
  const candidates = [
    charsetFromBom(bytes),
    charsetFromContentType(contentType),
    isHtml ? charsetFromMeta(bytes) : null,
  ];
  for (const label of candidates) {
    const decoder = decoderFor(label);
    if (decoder?.encoding === 'windows-1252') return { text: decodeWindows1252(bytes), charset: decoder.encoding };
    if (decoder) return { text: decoder.decode(bytes), charset: decoder.encoding };
  }
  return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8' };
}
