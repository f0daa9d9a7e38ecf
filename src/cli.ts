import { pathToFileURL } from 'node:url';
import type { CliIo } from './cli/brief-command.js';
import { ConfigError, loadConfig } from './config.js';
import { UserError, type UserErrorCode } from './errors.js';
import { createLogger } from './logger.js';

const HELP = `Usage: sitrep <command> [options]

Commands:
  brief <url | file | ->         make a brief of a news article (see sitrep brief --help)
  extract <url | file | ->       print the article text and metadata a brief would be made from
  feed read <url | file> [--json]
                                 print a feed's title and items (see sitrep feed --help)
  compare <url | file> <url | file> [...] [--json]
                                 group articles into stories of one event and compare their claims
  engines                        list the engines, which are ready, and whether the prompt cache engages
  bot [--shards auto | --shard-ids 0,1 --shard-count 8]
                                 run the Discord bot (also: npm start)
  deploy-commands [--guild ID]   register the slash and context-menu commands with Discord

Settings come from the environment or a .env file; see .env.example.
`;

/** Exit status per kind of failure, so scripts can tell bad input from a refused URL or a model outage. */
const EXIT_CODES: Record<UserErrorCode, number> = {
  BAD_INPUT: 2,
  NO_ARTICLE: 2,
  UNSUPPORTED_LANGUAGE: 2,
  URL_REFUSED: 3,
  UNSUPPORTED_CONTENT: 3,
  TOO_LARGE: 3,
  FETCH_FAILED: 4,
  MODEL_UNAVAILABLE: 5,
  NOT_CONFIGURED: 6,
  RATE_LIMITED: 7,
};

/** Runs one CLI invocation and returns its exit status; failures are one line on stderr. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(HELP);
    return command ? 0 : 2;
  }
  let logger: ReturnType<typeof createLogger> | undefined;
  try {
    const config = loadConfig();
    const isBot = command === 'bot';
    logger = createLogger(config.logLevel ?? (isBot ? 'info' : 'error'), { door: isBot ? 'discord' : 'cli' });
    // Each command's code is loaded when it is run: a brief must not pay for discord.js, nor the bot for the CLI.
    switch (command) {
      case 'brief': {
        const { runBriefCommand } = await import('./cli/brief-command.js');
        await runBriefCommand(args, config, logger, io);
        return 0;
      }
      case 'extract': {
        const { runExtractCommand } = await import('./cli/extract-command.js');
        await runExtractCommand(args, config, logger, io);
        return 0;
      }
      case 'feed': {
        const { runFeedCommand } = await import('./cli/feed-command.js');
        await runFeedCommand(args, config, io);
        return 0;
      }
      case 'compare': {
        const { runCompareCommand } = await import('./cli/compare-command.js');
        await runCompareCommand(args, config, logger, io);
        return 0;
      }
      case 'engines': {
        const { runEnginesCommand } = await import('./cli/engines-command.js');
        await runEnginesCommand(config, logger, io);
        return 0;
      }
      case 'bot': {
        const { runBotCommand } = await import('./cli/bot-commands.js');
        await runBotCommand(args, config, logger);
        return 0;
      }
      case 'deploy-commands': {
        const { runDeployCommand } = await import('./cli/bot-commands.js');
        await runDeployCommand(args, config, io);
        return 0;
      }
      default:
        io.stderr.write(`sitrep: unknown command "${command}"\n\n${HELP}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`sitrep: ${error.message}\n`);
      return 6;
    }
    if (error instanceof UserError) {
      io.stderr.write(`sitrep: ${error.message}\n`);
      return EXIT_CODES[error.code];
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      const { BRIEF_HELP } = await import('./cli/brief-command.js');
      io.stderr.write(`sitrep: ${error.message}\n\n${BRIEF_HELP}`);
      return 2;
    }
    logger?.error({ err: error, command }, 'unexpected failure');
    io.stderr.write('sitrep: unexpected internal error (details in the log above).\n');
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
}
