import { BOT_TOKEN } from '../stand-ins/discord/payloads.js';
import { TEST_API_KEY } from './test-pipeline.js';

/** The environment of a real bot process started by a test: stand-ins for Discord and the model, nothing else. */
export function childBotEnv(
  options: { home: string; discordApiUrl: string; modelUrl: string; store: string },
  extra: Record<string, string> = {},
) {
  return {
    PATH: process.env.PATH ?? '',
    HOME: options.home,
    NODE_ENV: 'test',
    DISCORD_TOKEN: BOT_TOKEN,
    DISCORD_API_URL: options.discordApiUrl,
    ANTHROPIC_API_KEY: TEST_API_KEY,
    ANTHROPIC_BASE_URL: options.modelUrl,
    SITREP_MODEL_MAX_RETRIES: '0',
    SITREP_STORE: options.store,
    SITREP_LOG_LEVEL: process.env.SITREP_TEST_LOG_LEVEL ?? 'silent',
    ...extra,
  };
}
