import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { ENGINE_NAMES } from './brief/engines/registry.js';

/** Ports a user-given URL may use unless SITREP_FETCH_PORTS says otherwise. */
const DEFAULT_FETCH_PORTS = '80,443,8080,8443';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/**
 * Every environment variable Sitrep reads. `.env.example` documents the same list; the README's
 * settings table is checked against it by a test.
 */
export const EnvSchema = z.object({
  ANTHROPIC_API_KEY: z.preprocess(emptyAsUndefined, z.string().min(10).optional()),
  ANTHROPIC_BASE_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  SITREP_MODEL: z.string().min(1).default('claude-haiku-4-5'),
  SITREP_PROMPT_CACHE_TTL: z.enum(['5m', '1h']).default('5m'),
  OPENAI_API_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  OPENAI_BASE_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  SITREP_OPENAI_MODEL: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  SITREP_ENGINE: z.enum(['auto', ...ENGINE_NAMES]).default('auto'),
  SITREP_MODEL_DEADLINE_MS: positiveInt(45_000),
  SITREP_MODEL_TIMEOUT_MS: positiveInt(60_000),
  SITREP_MODEL_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  SITREP_MAX_OUTPUT_TOKENS: positiveInt(4_096),
  SITREP_STORE: z
    .string()
    .regex(/^(sqlite:\/\/.+|rediss?:\/\/.+)$/, 'a sqlite://path or redis:// URL')
    .default('sqlite://data/sitrep.sqlite'),
  SITREP_FETCH_TIMEOUT_MS: positiveInt(10_000),
  SITREP_FETCH_MAX_BYTES: positiveInt(5 * 1024 * 1024),
  SITREP_FETCH_MAX_REDIRECTS: z.coerce.number().int().min(0).max(10).default(5),
  SITREP_FETCH_PORTS: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'a comma-separated list of port numbers')
    .default(DEFAULT_FETCH_PORTS),
  SITREP_MAX_ARTICLE_CHARS: positiveInt(60_000),
  DISCORD_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(20, 'a Discord bot token').optional()),
  DISCORD_API_URL: z.url({ protocol: /^https?$/ }).default('https://discord.com/api'),
  SITREP_MESSAGE_CONTENT: z
    .enum(['true', 'false'], 'true or false')
    .default('false')
    .transform((v) => v === 'true'),
  SITREP_SHUTDOWN_GRACE_MS: positiveInt(10_000),
  SITREP_LOCK_TTL_MS: positiveInt(15_000),
  SITREP_MAX_CONCURRENT_MODEL_CALLS: positiveInt(8),
  SITREP_METRICS_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65_535).optional()),
  SITREP_METRICS_HOST: z.preprocess(
    emptyAsUndefined,
    z.union([z.ipv4(), z.ipv6(), z.hostname()], 'an IP address or host name').default('127.0.0.1'),
  ),
  SITREP_FEED_INTERVAL_S: positiveInt(300),
  SITREP_FEEDS_PER_GUILD: z.coerce.number().int().min(0).max(500).default(20),
  SITREP_FEED_ITEMS_PER_POLL: z.coerce.number().int().min(1).max(100).default(10),
  SITREP_FEED_HOST_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  SITREP_FEED_POLL_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  SITREP_FEED_PAUSE_AFTER_S: positiveInt(24 * 60 * 60),
  /** Set by discord.js's ShardingManager for each shard process it starts. */
  SHARDS: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'comma-separated shard ids')
    .optional(),
  SHARD_COUNT: z.coerce.number().int().positive().optional(),
  SITREP_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  NODE_ENV: z.string().optional(),
  SITREP_TEST_ALLOW_LOOPBACK: z.preprocess(emptyAsUndefined, z.literal('1').optional()),
});

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const variable = issue.path.join('.') || 'environment';
  return `${variable}: ${issue.message}`;
}

/** Parses an environment object into the settings every part of Sitrep receives. */
export function parseConfig(env: Record<string, string | undefined>) {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(`Invalid setting — ${result.error.issues.map(describeIssue).join('; ')}`);
  }
  const e = result.data;
  // The loopback switch exists only for the test suite's fixture server; outside NODE_ENV=test it is
  // an error rather than silently honoured, so a stray copy in production config cannot open SSRF.
  if (e.SITREP_TEST_ALLOW_LOOPBACK && e.NODE_ENV !== 'test') {
    throw new ConfigError('Invalid setting — SITREP_TEST_ALLOW_LOOPBACK: only allowed when NODE_ENV=test');
  }
  return {
    anthropic: {
      apiKey: e.ANTHROPIC_API_KEY,
      baseURL: e.ANTHROPIC_BASE_URL,
      model: e.SITREP_MODEL,
      cacheTtl: e.SITREP_PROMPT_CACHE_TTL,
    },
    openai: { apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL, model: e.SITREP_OPENAI_MODEL },
    /** What every model engine obeys. */
    model: {
      deadlineMs: e.SITREP_MODEL_DEADLINE_MS,
      timeoutMs: e.SITREP_MODEL_TIMEOUT_MS,
      maxRetries: e.SITREP_MODEL_MAX_RETRIES,
      maxOutputTokens: e.SITREP_MAX_OUTPUT_TOKENS,
    },
    engine: e.SITREP_ENGINE,
    store: e.SITREP_STORE,
    fetch: {
      timeoutMs: e.SITREP_FETCH_TIMEOUT_MS,
      maxBytes: e.SITREP_FETCH_MAX_BYTES,
      maxRedirects: e.SITREP_FETCH_MAX_REDIRECTS,
      allowedPorts: e.SITREP_FETCH_PORTS.split(',').map(Number),
      allowLoopback: e.SITREP_TEST_ALLOW_LOOPBACK === '1',
    },
    maxArticleChars: e.SITREP_MAX_ARTICLE_CHARS,
    lockTtlMs: e.SITREP_LOCK_TTL_MS,
    maxConcurrentModelCalls: e.SITREP_MAX_CONCURRENT_MODEL_CALLS,
    /** `/healthz` and `/metrics` for the bot; off when no port is set (0 picks a free one). */
    metrics: { port: e.SITREP_METRICS_PORT, host: e.SITREP_METRICS_HOST },
    feeds: {
      intervalMs: e.SITREP_FEED_INTERVAL_S * 1000,
      perGuild: e.SITREP_FEEDS_PER_GUILD,
      itemsPerPoll: e.SITREP_FEED_ITEMS_PER_POLL,
      hostConcurrency: e.SITREP_FEED_HOST_CONCURRENCY,
      pollConcurrency: e.SITREP_FEED_POLL_CONCURRENCY,
      pauseAfterMs: e.SITREP_FEED_PAUSE_AFTER_S * 1000,
    },
    discord: {
      token: e.DISCORD_TOKEN,
      apiUrl: e.DISCORD_API_URL.replace(/\/+$/, ''),
      messageContent: e.SITREP_MESSAGE_CONTENT,
      shutdownGraceMs: e.SITREP_SHUTDOWN_GRACE_MS,
      shards: e.SHARDS ? e.SHARDS.split(',').map(Number) : undefined,
      shardCount: e.SHARD_COUNT,
    },
    logLevel: e.SITREP_LOG_LEVEL,
  };
}

export type Config = ReturnType<typeof parseConfig>;

/** Reads `.env` (if present) and the process environment. The only place `process.env` is read. */
export function loadConfig(): Config {
  loadDotenv({ quiet: true });
  return parseConfig(process.env);
}
