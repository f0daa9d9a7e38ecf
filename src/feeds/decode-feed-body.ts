import { decodeBody } from '../brief/acquire/decode-body.js';

const XML_DECLARED_ENCODING = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/;

/**
 * A feed's bytes as text: a byte-order mark wins, then the HTTP charset, then the XML declaration's
 * encoding (which servers often leave to the document), then UTF-8.
 */
export function decodeFeedBody(bytes: Uint8Array, contentType: string, isHtml = false): string {
  if (!/;\s*charset\s*=/i.test(contentType)) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256)).replace(/^\u00ef\u00bb\u00bf/, '');
    const declared = XML_DECLARED_ENCODING.exec(head)?.[1];
    if (declared) return decodeBody(bytes, `${contentType}; charset=${declared}`, false).text;
  }
  return decodeBody(bytes, contentType, isHtml).text;
}
