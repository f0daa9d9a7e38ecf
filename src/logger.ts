import { type DestinationStream, destination, type Logger, pino } from 'pino';

export type { Logger };

/**
 * Structured logs on stderr (stdout belongs to the CLI's output). Secrets are redacted by path in
 * case an options object is ever logged whole.
 */
export function createLogger(
  level: string,
  bindings: Record<string, unknown> = {},
  to: DestinationStream = destination(2),
): Logger {
  return pino(
    {
      level,
      base: { app: 'sitrep', ...bindings },
      redact: {
        paths: [
          'apiKey',
          '*.apiKey',
          'token',
          '*.token',
          'authorization',
          '*.authorization',
          '*.headers.authorization',
          '*.headers["x-api-key"]',
          'config.discord.token',
          'config.anthropic.apiKey',
          'config.openai.apiKey',
        ],
        censor: '[redacted]',
      },
    },
    to,
  );
}
