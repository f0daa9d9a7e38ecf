import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { APP_ID, BOT_USER, guildCreate, message, nextId, type StandInGuild } from './payloads.js';

export interface RecordedCall {
  method: string;
  /** Path after /api/v10, URL-decoded, without the query. */
  path: string;
  query: string;
  body: any;
  at: number;
  /** The Authorization header: tells apart bot processes given different tokens. */
  auth: string;
}

/** Holds a response back until the returned promise settles (the request is handled at once). */
export type ResponseGate = (call: RecordedCall) => Promise<void> | undefined;

export interface StandInOptions {
  guilds: StandInGuild[];
  /** Application flags in READY; 1 << 18 is the Message Content intent granted. */
  applicationFlags?: number;
  /** Shards recommended by GET /gateway/bot. */
  recommendedShards?: number;
  /** The heartbeat interval HELLO asks for (Discord's is about 41 s; shorter gives a ping sooner). */
  heartbeatIntervalMs?: number;
}

/** Discord's routing: a guild belongs to shard (guild_id >> 22) % shard_count. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/**
 * A local Discord for the real discord.js client: REST routes a bot uses, recorded for assertions,
 * and a v10 gateway (HELLO, IDENTIFY, heartbeats, READY, GUILD_CREATE) to inject events through.
 */
export async function startDiscordStandIn(options: StandInOptions) {
  const calls: RecordedCall[] = [];
  const watchers = new Set<(call: RecordedCall) => void>();
  const identifies: any[] = [];
  const messages = new Map<string, ReturnType<typeof message>>();
  const interactionChannels = new Map<string, { channelId: string; guildId: string }>();
  const sockets = new Set<WebSocket>();
  const socketShards = new Map<WebSocket, [number, number]>();
  /** Threads opened in forum channels (forum posts), oldest first. */
  const threads: any[] = [];
  /** Messages a thread was started on (the thread has the message's id). */
  const messageThreads = new Set<string>();
  let gate: ResponseGate | undefined;
  const sessionShards = new Map<string, [number, number]>();
  let seq = 0;
  let base = '';
  let gatewayOpen = true;
  const guildOfChannel = (channelId: string) =>
    options.guilds.find((g) => g.channels.some((c) => c.id === channelId))?.id;
  /** A channel's messages, newest first, as GET /channels/{id}/messages lists them. */
  const channelMessages = (channelId: string, limit: number) =>
    [...new Set(messages.values())]
      .filter((m) => m.channel_id === channelId)
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
      .slice(0, limit);

  const json = (res: ServerResponse, status: number, body?: unknown) => {
    if (body === undefined) return void res.writeHead(status).end();
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  const storeMessage = (msg: ReturnType<typeof message>) => {
    messages.set(msg.id, msg);
    return msg;
  };

  /** Webhook-edited messages (interaction replies) keep one id per interaction token. */
  const webhookMessage = (token: string, body: any, id?: string) => {
    const where = interactionChannels.get(token);
    const key = `webhook:${token}:${id ?? '@original'}`;
    const existingId = messages.get(key)?.id;
    const msg = message({
      id: existingId ?? nextId(),
      channelId: where?.channelId ?? '0',
      guildId: where?.guildId,
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      extra: { webhook_id: APP_ID, application_id: APP_ID, flags: body?.flags ?? 0 },
    });
    messages.set(key, msg);
    return storeMessage(msg);
  };

  const route = (method: string, path: string, query: string, body: any, res: ServerResponse) => {
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return json(res, 200, {
        url: base.replace('http', 'ws'),
        shards: options.recommendedShards ?? 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return json(res, 204);
    if ((m = /^\/webhooks\/\d+\/([^/]+)\/messages\/(@original|\d+)$/.exec(path))) {
      const [, token, id] = m as unknown as [string, string, string];
      if (method === 'PATCH') return json(res, 200, webhookMessage(token, body, id === '@original' ? undefined : id));
      if (method === 'GET') return json(res, 200, messages.get(`webhook:${token}:${id}`) ?? webhookMessage(token, {}));
      if (method === 'DELETE') return json(res, 204);
    }
    if (method === 'POST' && (m = /^\/webhooks\/\d+\/([^/]+)$/.exec(path))) {
      return json(res, 200, webhookMessage(m[1] as string, body, nextId()));
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      return json(
        res,
        200,
        storeMessage(
          message({
            channelId: m[1] as string,
            content: body?.content,
            embeds: body?.embeds,
            components: body?.components,
            extra: { message_reference: body?.message_reference },
          }),
        ),
      );
    }
    if (method === 'GET' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      const limit = Math.min(100, Number(new URLSearchParams(query).get('limit') ?? 50));
      return json(res, 200, channelMessages(m[1] as string, limit));
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/threads$/.exec(path))) {
      // A forum post: a thread whose first message has the thread's own id.
      const id = nextId();
      const thread = {
        id,
        type: 11,
        name: body?.name,
        parent_id: m[1],
        guild_id: guildOfChannel(m[1] as string),
        owner_id: APP_ID,
        thread_metadata: {
          archived: false,
          auto_archive_duration: 4320,
          archive_timestamp: new Date().toISOString(),
          locked: false,
        },
        message_count: 1,
        member_count: 1,
        rate_limit_per_user: 0,
      };
      threads.push(thread);
      const first = storeMessage(
        message({
          id,
          channelId: id,
          content: body?.message?.content,
          embeds: body?.message?.embeds,
          components: body?.message?.components,
        }),
      );
      return json(res, 201, { ...thread, message: first });
    }
    if (method === 'GET' && (m = /^\/guilds\/(\d+)\/threads\/active$/.exec(path))) {
      return json(res, 200, { threads: threads.filter((t) => t.guild_id === m?.[1]), members: [] });
    }
    if (method === 'GET' && (m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path))) {
      const found = messages.get(m[2] as string);
      return found ? json(res, 200, found) : json(res, 404, { code: 10008, message: 'Unknown Message' });
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path))) {
      // As Discord: a thread started on a message has the message's id, and a message has one thread.
      const messageId = m[2] as string;
      const channel = options.guilds.flatMap((g) => g.channels).find((c) => c.id === m?.[1]);
      if (channel?.noThreads) return json(res, 403, { code: 50013, message: 'Missing Permissions' });
      if (!messages.has(messageId)) return json(res, 404, { code: 10008, message: 'Unknown Message' });
      if (messageThreads.has(messageId)) {
        return json(res, 400, { code: 160004, message: 'A thread has already been created for this message' });
      }
      messageThreads.add(messageId);
      return json(res, 201, {
        id: messageId,
        type: 11,
        name: body?.name,
        parent_id: m[1],
        guild_id: guildOfChannel(m[1] as string),
        owner_id: APP_ID,
        thread_metadata: {
          archived: false,
          auto_archive_duration: 1440,
          archive_timestamp: new Date().toISOString(),
          locked: false,
        },
        message_count: 0,
        member_count: 1,
        rate_limit_per_user: 0,
      });
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      return json(
        res,
        200,
        (body as any[]).map((command) => ({ ...command, id: nextId(), application_id: APP_ID, version: '1' })),
      );
    }
    if (method === 'PUT' && /^\/channels\/\d+\/messages\/\d+\/reactions\//.test(path)) return json(res, 204);
    return json(res, 404, { code: 0, message: `stand-in has no route ${method} ${path}` });
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ''));
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: any = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      const payload = /name="payload_json"\r\n\r\n([\s\S]*?)\r\n--/.exec(raw)?.[1];
      body = payload ? JSON.parse(payload) : raw;
    }
    const call = {
      method: req.method ?? 'GET',
      path,
      query: url.search,
      body,
      at: performance.now(),
      auth: req.headers.authorization ?? '',
    };
    calls.push(call);
    for (const watch of watchers) watch(call);
    const held = gate?.(call);
    if (!held) return route(call.method, path, url.search, body, res);
    // Handled now (a message posted exists at once), answered later: as a slow response in flight.
    const answer = { status: 0, headers: {} as Record<string, string>, body: '' };
    const writer = {
      writeHead(status: number, headers: Record<string, string> = {}) {
        answer.status = status;
        answer.headers = headers;
        return writer;
      },
      end(text = '') {
        answer.body = text;
      },
    };
    route(call.method, path, url.search, body, writer as unknown as ServerResponse);
    void held.then(() => {
      if (!res.destroyed) res.writeHead(answer.status, answer.headers).end(answer.body);
    });
  });

  const gateway = new WebSocketServer({ server });
  const send = (socket: WebSocket, payload: object) => socket.send(JSON.stringify(payload));
  const dispatch = (socket: WebSocket, t: string, d: unknown) => send(socket, { op: 0, t, s: ++seq, d });
  gateway.on('connection', (socket) => {
    if (!gatewayOpen) return socket.terminate();
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      socketShards.delete(socket);
    });
    send(socket, { op: 10, d: { heartbeat_interval: options.heartbeatIntervalMs ?? 41_250 } });
    socket.on('message', (data) => {
      const packet = JSON.parse(String(data));
      if (packet.op === 1) return send(socket, { op: 11 });
      // RESUME after a dropped connection: the session goes on where it was (no events were missed here).
      if (packet.op === 6) {
        const shard = sessionShards.get(packet.d?.session_id);
        if (!shard) return send(socket, { op: 9, d: false });
        socketShards.set(socket, shard);
        return dispatch(socket, 'RESUMED', {});
      }
      if (packet.op !== 2) return;
      identifies.push(packet.d);
      const [shardId, shardCount] = (packet.d.shard ?? [0, 1]) as [number, number];
      socketShards.set(socket, [shardId, shardCount]);
      const mine = options.guilds.filter((g) => shardOf(g.id, shardCount) === shardId);
      const sessionId = `session-${nextId()}`;
      sessionShards.set(sessionId, [shardId, shardCount]);
      dispatch(socket, 'READY', {
        v: 10,
        user: BOT_USER,
        guilds: mine.map((g) => ({ id: g.id, unavailable: true })),
        session_id: sessionId,
        resume_gateway_url: base.replace('http', 'ws'),
        application: { id: APP_ID, flags: options.applicationFlags ?? 0 },
        shard: packet.d.shard ?? [0, 1],
      });
      for (const guild of mine) dispatch(socket, 'GUILD_CREATE', guildCreate(guild));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api`,
    calls,
    identifies,
    messages,
    /** Sends a dispatch event to every connected client. */
    inject(t: string, d: any, options: { toShard?: number } = {}) {
      if (t === 'INTERACTION_CREATE')
        interactionChannels.set(d.token, { channelId: d.channel_id, guildId: d.guild_id });
      if (t === 'MESSAGE_CREATE') storeMessage(d);
      for (const socket of sockets) {
        const shard = socketShards.get(socket);
        // Guild events go only to the shard that owns the guild, as Discord routes them, unless a
        // test sends one elsewhere on purpose (as happens while a bot reshards).
        const target = options.toShard ?? (d?.guild_id && shard ? shardOf(d.guild_id, shard[1]) : undefined);
        if (shard && target !== undefined && target !== shard[0]) continue;
        dispatch(socket, t, d);
      }
    },
    /** Resolves with the first call, past or future, that matches; no polling. */
    nextCall(match: (call: RecordedCall) => boolean, timeoutMs = 30_000): Promise<RecordedCall> {
      const seen = calls.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          watchers.delete(watch);
          reject(new Error('timed out waiting for a REST call from the bot'));
        }, timeoutMs);
        const watch = (call: RecordedCall) => {
          if (!match(call)) return;
          clearTimeout(timer);
          watchers.delete(watch);
          resolve(call);
        };
        watchers.add(watch);
      });
    },
    /** Adds a message the bot can later fetch (as one sent before it started). */
    seedMessage: storeMessage,
    /** Deletes a message, as a moderator would: it can no longer be fetched or have a thread started on it. */
    deleteMessage(id: string) {
      messages.delete(id);
    },
    /** Forum posts opened by the bot, oldest first. */
    threads,
    /** Holds back the responses to matching calls (see ResponseGate); undefined lifts it. */
    holdResponses(next: ResponseGate | undefined) {
      gate = next;
    },
    connections: () => sockets.size,
    /** Closed: drops every gateway connection and refuses new ones (an outage); open: accepts them again. */
    setGatewayOpen(open: boolean) {
      gatewayOpen = open;
      if (!open) for (const socket of sockets) socket.terminate();
    },
    async close() {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type DiscordStandIn = Awaited<ReturnType<typeof startDiscordStandIn>>;
