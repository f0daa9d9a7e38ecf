import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { UserError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { CliIo } from './brief-command.js';

/**
 * A server ends when it has drained: idle keep-alive sockets, or the IPC channel to a sharding
 * manager, must not keep the process alive after that.
 */
function exitServer(): never {
  process.exit(0);
}

function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}

/** The shard slice this process runs: from the flags, else from ShardingManager's environment. */
function shardSlice(values: { 'shard-ids'?: string; 'shard-count'?: string }, config: Config) {
  if (values['shard-ids'] || values['shard-count']) {
    const ids = (values['shard-ids'] ?? '').split(',').map(Number);
    const count = Number(values['shard-count']);
    if (!Number.isInteger(count) || count < 1 || ids.some((id) => !Number.isInteger(id) || id < 0 || id >= count)) {
      throw new UserError('BAD_INPUT', 'Use --shard-ids 0,1 --shard-count 8: ids from 0 to the count minus one.');
    }
    return { ids, count };
  }
  const { shards, shardCount } = config.discord;
  return shards && shardCount ? { ids: shards, count: shardCount } : undefined;
}

/**
 * `sitrep bot`: runs until SIGINT or SIGTERM, then drains in-flight briefs and exits. A stray
 * rejected promise is one request's failure: logged, and the bot keeps serving. An uncaught
 * exception may leave state broken: logged, and the process exits 1 for its supervisor to restart it
 * (the store is transactional, so finished briefs and settings survive).
 */
export async function runBotCommand(args: string[], config: Config, logger: Logger): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { shards: { type: 'string' }, 'shard-ids': { type: 'string' }, 'shard-count': { type: 'string' } },
  });
  if (values.shards !== undefined) {
    if (values.shards !== 'auto')
      throw new UserError('BAD_INPUT', 'Use --shards auto, or --shard-ids with --shard-count.');
    // The manager only starts and stops shard processes: it never loads the pipeline.
    const { runShardManager } = await import('../discord/run-shard-manager.js');
    await runShardManager(config, logger, waitForSignal);
    exitServer();
  }
  const slice = shardSlice(values, config);
  const shardLogger = slice ? logger.child({ shard: slice.ids.join(',') }) : logger;
  process.on('unhandledRejection', (reason) =>
    shardLogger.error({ err: reason }, 'unhandled rejection; still serving'),
  );
  process.on('uncaughtException', (error) => {
    shardLogger.fatal({ err: error }, 'uncaught exception; exiting for the supervisor to restart');
    process.exit(1);
  });
  const { startBot } = await import('../discord/start-bot.js');
  const bot = await startBot(config, shardLogger, slice);
  const signal = await waitForSignal();
  shardLogger.info({ signal }, 'signal received');
  await bot.stop();
  exitServer();
}

/** `sitrep deploy-commands [--guild ID]`: registers the commands, replacing what was there. */
export async function runDeployCommand(args: string[], config: Config, io: CliIo): Promise<void> {
  const { values } = parseArgs({ args, options: { guild: { type: 'string' } } });
  const { deployCommands } = await import('../discord/deploy-commands.js');
  const names = await deployCommands({
    token: config.discord.token,
    apiUrl: config.discord.apiUrl,
    guildId: values.guild,
  });
  const where = values.guild
    ? `guild ${values.guild}`
    : 'all guilds (global commands can take up to an hour to appear)';
  io.stdout.write(`Registered ${names.length} commands for ${where}: ${names.join(', ')}\n`);
}
