import { REST, Routes, ShardingManager } from 'discord.js';
import type { Config } from '../config.js';
import { UserError } from '../errors.js';
import type { Logger } from '../logger.js';
import { serveShardTree } from '../metrics/serve-shard-tree.js';
import { MISSING_TOKEN } from './missing-token.js';

/** `--shards auto`: one process per shard on this machine, as many as Discord recommends. */
export async function runShardManager(
  config: Config,
  logger: Logger,
  untilSignal: () => Promise<string>,
): Promise<void> {
  const token = config.discord.token;
  if (!token) throw new UserError('NOT_CONFIGURED', MISSING_TOKEN);
  const gateway = (await new REST({ api: config.discord.apiUrl }).setToken(token).get(Routes.gatewayBot())) as {
    shards: number;
  };
  // Each shard runs the program this manager runs: the built bin when installed, the TypeScript
  // through tsx's loader in development (the loader travels in execArgv).
  const entry = process.argv[1];
  if (!entry) throw new Error('the shard manager needs the path of the program it runs');
  const manager = new ShardingManager(entry, {
    token,
    totalShards: gateway.shards,
    shardArgs: ['bot'],
    execArgv: process.execArgv,
    respawn: true,
  });
  manager.on('shardCreate', (shard) => logger.info({ shard: shard.id }, 'shard process started'));
  // Up before the shards, so a probe sees "not running" rather than nothing while they start.
  const metrics = await serveShardTree(manager, config.metrics, logger);
  await manager.spawn({ timeout: 60_000 });
  const signal = await untilSignal();
  logger.info({ signal }, 'stopping shard processes');
  manager.respawn = false;
  // Each shard gets the same signal, so it drains its own in-flight briefs before exiting.
  await Promise.all(
    [...manager.shards.values()].map(
      (shard) =>
        new Promise<void>((resolve) => {
          if (!shard.process) return resolve();
          shard.process.once('exit', () => resolve());
          shard.process.kill(signal as NodeJS.Signals);
        }),
    ),
  );
  await metrics?.close();
}
