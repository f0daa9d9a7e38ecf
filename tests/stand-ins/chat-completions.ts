import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { articleInTask, briefFromArticle } from './messages-api.js';

/** One request the stand-in received, as the openai SDK sent it. */
export interface ChatRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: {
    model: string;
    messages: { role: 'system' | 'user' | 'assistant'; content: string }[];
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: Record<string, any> } };
    max_tokens?: number;
    max_completion_tokens?: number;
    [key: string]: unknown;
  };
}

/** A scripted answer: message text (or a refusal) with a finish reason, or a raw HTTP reply. */
type ChatReply =
  | { text: string; finishReason?: string; delayMs?: number; cachedTokens?: number }
  | { refusal: string }
  | { drop: true }
  | { status: number; body: unknown; headers?: Record<string, string> };

export type ChatResponder = (request: ChatRequest) => ChatReply | Promise<ChatReply>;

/** The article in the request's first user turn (the system prompt comes before it). */
export function articleInChat(request: ChatRequest): string | null {
  const task = request.body.messages.find((m) => m.role === 'user')?.content ?? '';
  return articleInTask(task);
}

const defaultResponder: ChatResponder = (request) => ({ text: briefFromArticle(articleInChat(request) ?? '') });

/**
 * A local OpenAI-compatible Chat Completions server (what Ollama, llama.cpp's server and vLLM
 * expose at /v1) for the real openai SDK: it records requests and answers from a queue of scripted
 * replies, then the default responder.
 */
export async function startChatCompletions() {
  const requests: ChatRequest[] = [];
  const queue: ChatResponder[] = [];
  let fallback = defaultResponder;

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = req.url ?? '';
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
      return;
    }
    const request: ChatRequest = { path, headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString()) };
    requests.push(request);
    const reply = await (queue.shift() ?? fallback)(request);
    if ('drop' in reply) return void req.socket.destroy();
    if ('status' in reply) {
      res
        .writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
        .end(JSON.stringify(reply.body));
      return;
    }
    if ('text' in reply && reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    const prompt = Math.ceil(JSON.stringify(request.body.messages).length / 4);
    const content = 'text' in reply ? reply.text : null;
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: `chatcmpl-standin-${Date.now()}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: request.body.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content, refusal: 'refusal' in reply ? reply.refusal : null },
            finish_reason: 'text' in reply ? (reply.finishReason ?? 'stop') : 'stop',
            logprobs: null,
          },
        ],
        usage: {
          prompt_tokens: prompt,
          completion_tokens: Math.ceil((content ?? '').length / 4),
          total_tokens: prompt + Math.ceil((content ?? '').length / 4),
          prompt_tokens_details: { cached_tokens: 'text' in reply ? (reply.cachedTokens ?? 0) : 0 },
        },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** The base URL a user would give as OPENAI_BASE_URL. */
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...responders: ChatResponder[]) => queue.push(...responders),
    setDefault: (responder: ChatResponder) => {
      fallback = responder;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type ChatCompletions = Awaited<ReturnType<typeof startChatCompletions>>;
