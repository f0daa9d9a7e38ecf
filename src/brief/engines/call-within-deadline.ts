import { ModelError } from './engine.js';

/** A retry is not started with less time than this left before the deadline. */
const MIN_ATTEMPT_MS = 1_000;
const MAX_BACKOFF_MS = 8_000;

export interface CallPolicy {
  /** Epoch milliseconds by which the whole call, retries included, must end. */
  deadlineAt: number;
  /** Longest single attempt. */
  timeoutMs: number;
  maxRetries: number;
}

type HeadersLike = { get(name: string): string | null } | Record<string, string | undefined>;

function header(headers: HeadersLike | undefined, name: string): string | null {
  if (!headers) return null;
  if (typeof headers.get === 'function') return (headers as { get(name: string): string | null }).get(name);
  return (headers as Record<string, string | undefined>)[name] ?? null;
}

/** The wait the server asked for (retry-after-ms, or retry-after in seconds or as a date), if any. */
function retryAfterMs(headers: HeadersLike | undefined): number | null {
  const ms = Number(header(headers, 'retry-after-ms'));
  if (ms > 0) return ms;
  const value = header(headers, 'retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1_000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/** The SDKs' error classes; the openai SDK leaves `name` as plain "Error", so the class name is read too. */
function errorName(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const className = error.constructor?.name;
  return className && className !== 'Error' ? className : error.name;
}

/**
 * How long to wait before retrying, or null when the failure is not worth a retry. Both model SDKs
 * (Anthropic's and OpenAI's) raise errors with an HTTP `status` and `headers`, or connection errors
 * without a status.
 */
function retryDelay(error: unknown, retry: number): number | null {
  if (error instanceof ModelError) return null;
  const { status, headers } = (error ?? {}) as { status?: number; headers?: HeadersLike };
  const name = errorName(error);
  const retryable =
    status === undefined
      ? name === 'APIConnectionError' || name === 'APIConnectionTimeoutError'
      : status === 408 || status === 409 || status === 429 || status >= 500;
  if (!retryable) return null;
  const backoff = Math.min(MAX_BACKOFF_MS, 500 * 2 ** retry) * (0.75 + Math.random() * 0.25);
  return retryAfterMs(headers) ?? backoff;
}

function asModelError(error: unknown, deadlineAt: number): ModelError {
  if (error instanceof ModelError) return error;
  const name = errorName(error);
  const timedOut = /timeout/i.test(name) || Date.now() >= deadlineAt;
  return new ModelError(`model request failed: ${name}`, timedOut ? 'timeout' : 'unavailable', { cause: error });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one model request with our own retries, so that the brief's model deadline bounds all of
 * them: each attempt gets at most the time left, and a retry starts only if, after the wait the
 * server asked for, there is still time for it. Failures become ModelErrors.
 */
export async function callWithinDeadline<T>(
  attempt: (timeoutMs: number) => Promise<T>,
  policy: CallPolicy,
): Promise<T> {
  for (let retry = 0; ; retry++) {
    const remaining = policy.deadlineAt - Date.now();
    if (remaining < MIN_ATTEMPT_MS) throw new ModelError('the model did not answer before the deadline', 'timeout');
    try {
      return await attempt(Math.min(policy.timeoutMs, remaining));
    } catch (error) {
      const wait = retryDelay(error, retry);
      const tooLate = wait !== null && Date.now() + wait + MIN_ATTEMPT_MS > policy.deadlineAt;
      if (wait === null || retry >= policy.maxRetries || tooLate) throw asModelError(error, policy.deadlineAt);
      await sleep(wait);
    }
  }
}
