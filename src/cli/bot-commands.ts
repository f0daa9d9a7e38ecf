import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { deployCommands } from '../discord/deploy-commands.js';
import { startBot } from '../discord/start-bot.js';
import type { Logger } from '../logger.js';
import type { CliIo } from './brief-command.js';

/**
 * `sitrep bot`: runs until SIGINT or SIGTERM, then drains in-flight briefs and exits. A stray
 * rejected promise is one request's failure: logged, and the bot keeps serving. An uncaught
 * exception may leave state broken: logged, and the process exits 1 for its supervisor to restart it
 * (the store is transactional, so finished briefs and settings survive).
 */
export async function runBotCommand(config: Config, logger: Logger): Promise<void> {
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection; still serving'));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception; exiting for the supervisor to restart');
    process.exit(1);
  });
  const bot = await startBot(config, logger);
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  logger.info({ signal }, 'signal received');
  await bot.stop();
}

/** `sitrep deploy-commands [--guild ID]`: registers the commands, replacing what was there. */
export async function runDeployCommand(args: string[], config: Config, io: CliIo): Promise<void> {
  const { values } = parseArgs({ args, options: { guild: { type: 'string' } } });
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
