import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { MetricsServer } from './metrics-server.js';
import { startMetricsServer } from './metrics-server.js';
import type { ShardTree } from './shard-tree-source.js';

/**
 * With `--shards auto` and SITREP_METRICS_PORT set, the manager serves /healthz and /metrics for all
 * its shard processes on that one port (they serve none of their own). prom-client loads only then.
 */
export async function serveShardTree(
  tree: ShardTree,
  settings: Config['metrics'],
  logger: Logger,
): Promise<MetricsServer | null> {
  if (settings.port === undefined) return null;
  const { createShardTreeSource } = await import('./shard-tree-source.js');
  return startMetricsServer(createShardTreeSource(tree), { host: settings.host, port: settings.port }, logger);
}
