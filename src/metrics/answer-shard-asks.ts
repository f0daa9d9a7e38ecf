import type { Logger } from '../logger.js';
import type { Health } from './health.js';
import { type ShardAnswer, ShardAskSchema } from './shard-messages.js';

/** The IPC channel to the shard manager: messages in, and a way to send one back. */
export interface ManagerChannel {
  listen(listener: (message: unknown) => void): () => void;
  send(message: ShardAnswer): Promise<unknown>;
}

/**
 * In a shard process started by `--shards auto`: answers the manager's asks for this process's
 * health and metrics (prom-client's JSON), so the manager serves the whole tree on one port.
 * Returns a function that stops answering.
 */
export function answerShardAsks(
  sources: { health: () => Promise<Health>; metricsJson: () => Promise<unknown[]> },
  channel: ManagerChannel,
  logger: Logger,
): () => void {
  return channel.listen((message) => {
    const ask = ShardAskSchema.safeParse(message);
    if (!ask.success) return;
    const { sitrepAsk, what } = ask.data;
    const answer =
      what === 'health'
        ? sources.health().then((health) => ({ sitrepAnswer: sitrepAsk, health }))
        : sources
            .metricsJson()
            .then((metrics) => ({ sitrepAnswer: sitrepAsk, metrics: metrics as { name: string }[] }));
    answer
      .then((reply) => channel.send(reply))
      .catch((error: unknown) => logger.warn({ err: error, what }, 'could not answer the shard manager'));
  });
}
