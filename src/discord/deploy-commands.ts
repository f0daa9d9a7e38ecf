import { REST, Routes } from 'discord.js';
import { commands } from '../../commands/index.js';
import { UserError } from '../errors.js';
import { MISSING_TOKEN } from './missing-token.js';

/** The application id is the first segment of a bot token, base64-encoded. */
function applicationIdOf(token: string): string {
  const id = Buffer.from(token.split('.')[0] ?? '', 'base64').toString('utf8');
  if (!/^\d{15,25}$/.test(id)) throw new UserError('NOT_CONFIGURED', 'DISCORD_TOKEN does not look like a bot token.');
  return id;
}

/** Replaces the registered commands (bulk overwrite), for one guild (instant) or globally. */
export async function deployCommands(options: {
  token: string | undefined;
  apiUrl: string;
  guildId?: string | undefined;
}) {
  if (!options.token) throw new UserError('NOT_CONFIGURED', MISSING_TOKEN);
  const appId = applicationIdOf(options.token);
  const rest = new REST({ api: options.apiUrl }).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(appId, options.guildId)
    : Routes.applicationCommands(appId);
  const registered = (await rest.put(route, { body: commands.map((c) => c.data) })) as { name: string }[];
  return registered.map((c) => c.name);
}
