import type { Dispatcher } from 'undici';
import { UserError } from '../../errors.js';
import { decodeBody } from './decode-body.js';
import { type FetchLimits, fetchGuarded } from './fetch-guarded.js';

export { checkUrl, type FetchLimits } from './fetch-guarded.js';

export interface FetchedPage {
  requestedUrl: string;
  finalUrl: string;
  contentType: string;
  isHtml: boolean;
  charset: string;
  text: string;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const PAGE_TYPES = new Set([...HTML_TYPES, 'text/plain']);

/** Fetches one user-given page through the guarded fetch: HTML or plain text, decoded by its declared charset. */
export async function fetchPage(rawUrl: string, limits: FetchLimits, dispatcher: Dispatcher): Promise<FetchedPage> {
  const response = await fetchGuarded(rawUrl, limits, dispatcher, {
    accept: 'text/html,application/xhtml+xml,text/plain;q=0.9',
    acceptedTypes: PAGE_TYPES,
    acceptedTypesNoun: 'a web page or text',
  });
  if (response.status < 200 || response.status >= 300) {
    throw new UserError(
      'FETCH_FAILED',
      `${new URL(response.finalUrl).hostname} answered with HTTP ${response.status}.`,
    );
  }
  const isHtml = HTML_TYPES.has(response.mediaType);
  const { text, charset } = decodeBody(response.bytes, response.contentType, isHtml);
  return {
    requestedUrl: rawUrl,
    finalUrl: response.finalUrl,
    contentType: response.mediaType,
    isHtml,
    charset,
    text,
  };
}
