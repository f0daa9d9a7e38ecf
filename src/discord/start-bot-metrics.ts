import type { Client } from 'discord.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { answerShardAsks } from '../metrics/answer-shard-asks.js';
import { type BotMetrics, NO_METRICS } from '../metrics/bot-metrics.js';
import { createHealthCheck } from '../metrics/health.js';
import { startMetricsServer } from '../metrics/metrics-server.js';
import type { Store } from '../store/open-store.js';
import { readGateway } from './read-gateway.js';

export interface BotMetricsHandle {
  metrics: BotMetrics;
  /** Where /healthz and /metrics are served; null when off or when the shard manager serves them. */
  address: { host: string; port: number } | null;
  close(): Promise<void>;
}

/**
 * The bot's metrics and health. Off (and prom-client, some 12 MB, never loaded) unless
 * SITREP_METRICS_PORT is set. A process started by `--shards auto` (discord.js sets `client.shard`)
 * answers its manager over IPC instead of listening itself, so the tree has one endpoint.
 */
export async function startBotMetrics(
  settings: Config['metrics'],
  deps: { client: Client; store: Store; logger: Logger },
): Promise<BotMetricsHandle> {
  if (settings.port === undefined) return { metrics: NO_METRICS, address: null, close: async () => {} };
  const { createMetrics } = await import('../metrics/create-metrics.js');
  const gateway = () => readGateway(deps.client);
  const { registry, metrics } = createMetrics(gateway);
  const health = createHealthCheck({ gateway, pingStore: () => deps.store.ping(), storeKind: deps.store.kind });

  const manager = deps.client.shard;
  if (manager) {
    const stop = answerShardAsks(
      { health, metricsJson: () => registry.getMetricsAsJSON() },
      {
        listen(listener) {
          process.on('message', listener);
          return () => process.off('message', listener);
        },
        send: (message) => manager.send(message),
      },
      deps.logger,
    );
    return { metrics, address: null, close: async () => stop() };
  }
  const server = await startMetricsServer(
    {
      health,
      metrics: async () => ({ contentType: registry.contentType, text: await registry.metrics() }),
    },
    { host: settings.host, port: settings.port },
    deps.logger,
  );
  return { metrics, address: { host: server.host, port: server.port }, close: () => server.close() };
}
