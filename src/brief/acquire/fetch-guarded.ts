import { type Dispatcher, fetch } from 'undici';
import { UserError } from '../../errors.js';
import { ipLiteralOf, isAllowedAddress } from './address-policy.js';
import { ForbiddenAddressError } from './safe-dispatcher.js';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  allowedPorts: number[];
  allowLoopback: boolean;
}

/** What a caller accepts: the Accept header, the media types read, and how to name them in a refusal. */
export interface GuardedRequest {
  accept: string;
  acceptedTypes: ReadonlySet<string>;
  /** Completes "That link is X, not …", e.g. "a web page or text". */
  acceptedTypesNoun: string;
  headers?: Record<string, string>;
  /** One deadline shared with other requests; otherwise the limits' timeout starts here. */
  signal?: AbortSignal;
}

/** The final answer after redirects. A non-2xx answer carries no body, so the caller decides what it means. */
export interface GuardedResponse {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  headers: Headers;
  contentType: string;
  mediaType: string;
  bytes: Uint8Array;
}

const USER_AGENT = 'SitrepBot/0.1 (news brief bot)';

function effectivePort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** Refuses a URL before any connection is attempted; the dispatcher re-checks each resolved address. */
export function checkUrl(raw: string, limits: FetchLimits): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UserError('BAD_INPUT', 'That is not a valid web address.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(
      'URL_REFUSED',
      `Only http and https links can be summarized, not ${url.protocol.replace(':', '')}.`,
    );
  }
  if (url.username || url.password) {
    throw new UserError('URL_REFUSED', 'Links with a user name or password in them are refused.');
  }
  const literal = ipLiteralOf(url.hostname);
  if (literal !== null && !isAllowedAddress(literal, limits)) {
    throw new UserError('URL_REFUSED', `${url.hostname} is a private or reserved address, so it is refused.`);
  }
  const loopbackTestPort = limits.allowLoopback && /^(127\.|\[::1\]|localhost$)/.test(url.hostname);
  if (!loopbackTestPort && !limits.allowedPorts.includes(effectivePort(url))) {
    throw new UserError(
      'URL_REFUSED',
      `Links to port ${effectivePort(url)} are refused; only usual web ports are fetched.`,
    );
  }
  return url;
}

function tooLarge(host: string, maxBytes: number): UserError {
  return new UserError(
    'TOO_LARGE',
    `The page at ${host} is larger than ${Math.round(maxBytes / 1024)} KB, so it was not read.`,
  );
}

function isForbidden(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e instanceof ForbiddenAddressError) return true;
  }
  return false;
}

function describeNetworkError(error: unknown, url: URL): UserError {
  if (isForbidden(error)) {
    return new UserError('URL_REFUSED', `${url.hostname} points to a private or reserved address, so it is refused.`, {
      cause: error,
    });
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new UserError('FETCH_FAILED', `${url.hostname} took too long to answer.`, { cause: error });
  }
  return new UserError('FETCH_FAILED', `${url.hostname} could not be reached.`, { cause: error });
}

async function readCapped(body: AsyncIterable<Uint8Array>, maxBytes: number, host: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  // Leaving the loop early cancels the stream, so an oversized body is never read to its end.
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > maxBytes) throw tooLarge(host, maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * The one guarded way to fetch a user-given URL: http(s) only, public addresses only (every hop),
 * bounded redirects, one deadline for the whole exchange, body streamed and cut at `maxBytes` (after
 * decompression), and only the media types the caller accepts.
 */
export async function fetchGuarded(
  rawUrl: string,
  limits: FetchLimits,
  dispatcher: Dispatcher,
  request: GuardedRequest,
): Promise<GuardedResponse> {
  const signal = request.signal ?? AbortSignal.timeout(limits.timeoutMs);
  let url = checkUrl(rawUrl, limits);
  for (let hop = 0; ; hop++) {
    let response: Awaited<ReturnType<typeof fetch>>;
    try {
      response = await fetch(url, {
        dispatcher,
        redirect: 'manual',
        signal,
        headers: { ...request.headers, 'user-agent': USER_AGENT, accept: request.accept },
      });
    } catch (error) {
      throw describeNetworkError(error, url);
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (hop >= limits.maxRedirects) {
        throw new UserError('FETCH_FAILED', `The link redirects more than ${limits.maxRedirects} times.`);
      }
      url = checkUrl(new URL(location, url).href, limits);
      continue;
    }
    const contentType = response.headers.get('content-type') ?? '';
    const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    const answer = { requestedUrl: rawUrl, finalUrl: url.href, status: response.status, headers: response.headers };
    if (!response.ok) {
      await response.body?.cancel();
      return { ...answer, contentType, mediaType, bytes: new Uint8Array() };
    }
    if (!request.acceptedTypes.has(mediaType)) {
      await response.body?.cancel();
      throw new UserError(
        'UNSUPPORTED_CONTENT',
        `That link is ${mediaType || 'of an unknown type'}, not ${request.acceptedTypesNoun}.`,
      );
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > limits.maxBytes) {
      await response.body?.cancel();
      throw tooLarge(url.hostname, limits.maxBytes);
    }
    try {
      const bytes = response.body ? await readCapped(response.body, limits.maxBytes, url.hostname) : new Uint8Array();
      return { ...answer, contentType, mediaType, bytes };
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw describeNetworkError(error, url);
    }
  }
}
