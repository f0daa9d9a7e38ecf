import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { claudeModelFacts } from '../../src/brief/engines/anthropic-models.js';

/** One request the stand-in received, as the SDK sent it. */
export interface RecordedRequest {
  path: string;
  at: number;
  headers: IncomingMessage['headers'];
  body: {
    model: string;
    max_tokens: number;
    system?: { type: string; text: string; cache_control?: { type: string; ttl?: '5m' | '1h' } }[];
    messages: { role: string; content: string }[];
    output_config?: { format?: { type: string; schema: Record<string, unknown> } };
    [key: string]: unknown;
  };
}

/** Token counts to report instead of the stand-in's estimate. */
export interface StandInUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

/** What a responder returns: JSON text for the model's answer, or a raw HTTP reply. */
export type StandInReply =
  | { text: string; stopReason?: string; delayMs?: number; usage?: StandInUsage }
  | { drop: true }
  | { status: number; body: unknown; headers?: Record<string, string> };

export type Responder = (request: RecordedRequest) => StandInReply | Promise<StandInReply>;

/** The article inside a task turn, read back out of its nonce-named delimiters. */
export function articleInTask(task: string): string | null {
  const match = /<article-([0-9a-f]+)>\n([\s\S]*)\n<\/article-\1>/.exec(task);
  return match?.[2] ?? null;
}

/** The article the pipeline sent. */
export function articleIn(request: RecordedRequest): string | null {
  return articleInTask(request.body.messages[0]?.content ?? '');
}

/**
 * A well-formed, neutral brief built from the article itself: plain summary sentences, and a
 * claim for each quoted passage with the quote copied exactly, so every check can pass.
 */
export function briefFromArticle(article: string): string {
  const sentences = article.split(/(?<=[.!?”])\s+/).filter((s) => s.length > 20);
  const quotes = [...article.matchAll(/“([^”]{12,200})”/g)].map((m) => m[1] as string);
  const claims = (quotes.length ? quotes : sentences.slice(0, 2).map((s) => s.slice(0, 80)))
    .slice(0, 4)
    .map((quote) => ({
      claimant: { name: 'Stand-in Speaker', role: 'spokesperson' },
      statement: 'The speaker made a statement reported in the article.',
      quote,
      kind: 'evaluation',
      attribution: 'direct_quote',
      checkable: false,
    }));
  return JSON.stringify({
    summary: {
      headline: 'Stand-in headline: an official said something',
      sentences: sentences.slice(0, 3).map((_, i) => `The article reports: point ${i + 1}, attributed to an official.`),
    },
    claims,
    unverified: ['The main assertion rests on one source.'],
    caveats: ['Stand-in caveat.'],
  });
}

const defaultResponder: Responder = (request) => ({ text: briefFromArticle(articleIn(request) ?? '') });

/** Tokens as the stand-in counts them: four characters each, as tests estimate conservatively. */
const tokensOf = (value: unknown) => Math.ceil(JSON.stringify(value ?? '').length / 4);

/**
 * Anthropic's prompt caching as documented: the system blocks up to the last one marked with
 * cache_control form the prefix; a prefix shorter than the model's minimum is silently not cached;
 * otherwise the first request writes it and later ones within its TTL (refreshed by each read) read
 * it, provided its bytes are identical.
 */
function createPromptCache() {
  const entries = new Map<string, number>();
  return (body: RecordedRequest['body']) => {
    const system = body.system ?? [];
    const marked = system.findLastIndex((block) => block.cache_control);
    if (marked < 0) return { read: 0, write: 0 };
    const prefix = system.slice(0, marked + 1);
    const tokens = tokensOf(prefix);
    if (tokens < claudeModelFacts(body.model).minCacheablePrefixTokens) return { read: 0, write: 0 };
    const key = createHash('sha256').update(body.model).update(JSON.stringify(prefix)).digest('hex');
    const ttlMs = system[marked]?.cache_control?.ttl === '1h' ? 3_600_000 : 300_000;
    const hit = (entries.get(key) ?? 0) > Date.now();
    entries.set(key, Date.now() + ttlMs);
    return hit ? { read: tokens, write: 0 } : { read: 0, write: tokens };
  };
}

function sendMessage(
  res: ServerResponse,
  request: RecordedRequest,
  text: string,
  stopReason: string,
  cached: { read: number; write: number },
  usage?: StandInUsage,
) {
  const input = tokensOf(request.body.messages) + tokensOf(request.body.system) - cached.read - cached.write;
  res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_standin' });
  res.end(
    JSON.stringify({
      id: `msg_standin_${Date.now()}`,
      type: 'message',
      role: 'assistant',
      model: request.body.model,
      content: [{ type: 'text', text }],
      stop_reason: stopReason,
      stop_sequence: null,
      usage: usage ?? {
        input_tokens: input,
        output_tokens: Math.ceil(text.length / 4),
        cache_creation_input_tokens: cached.write,
        cache_read_input_tokens: cached.read,
      },
    }),
  );
}

/**
 * A local Messages API for the real Anthropic SDK to talk to (via `baseURL`). It records every
 * request and answers through a queue of scripted replies, then the default responder.
 */
export async function startMessagesApi() {
  const requests: RecordedRequest[] = [];
  /** Token-counting requests, kept apart so that `requests` holds only model calls. */
  const countRequests: RecordedRequest['body'][] = [];
  const queue: Responder[] = [];
  const promptCache = createPromptCache();
  let fallback: Responder = defaultResponder;

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = req.url ?? '';
    if (req.method === 'POST' && path.startsWith('/v1/messages/count_tokens')) {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      countRequests.push(body);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ input_tokens: tokensOf(body.messages) + tokensOf(body.system) }));
      return;
    }
    if (req.method !== 'POST' || !path.startsWith('/v1/messages')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"type":"error"}');
      return;
    }
    const request: RecordedRequest = {
      path,
      at: performance.now(),
      headers: req.headers,
      body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
    };
    requests.push(request);
    const reply = await (queue.shift() ?? fallback)(request);
    if ('drop' in reply) {
      req.socket.destroy();
      return;
    }
    if ('status' in reply) {
      res
        .writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
        .end(JSON.stringify(reply.body));
      return;
    }
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    sendMessage(res, request, reply.text, reply.stopReason ?? 'end_turn', promptCache(request.body), reply.usage);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    countRequests,
    /** Replies for the next requests, in order; afterwards the default (or `setDefault`) applies. */
    enqueue: (...responders: Responder[]) => queue.push(...responders),
    setDefault: (responder: Responder) => {
      fallback = responder;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type MessagesApi = Awaited<ReturnType<typeof startMessagesApi>>;
