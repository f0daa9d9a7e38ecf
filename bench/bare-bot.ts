/**
 * The reference bot: discord.js with default caches that only defers each interaction. Run in
 * process for latency, or as a child (`tsx bench/bare-bot.ts <apiUrl> <token>`) for memory.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';

export async function startBareBot(apiUrl: string, token: string): Promise<Client> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.GuildMessageReactions],
    rest: { api: apiUrl },
  });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isRepliable()) interaction.deferReply().catch(() => {});
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  await ready;
  return client;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startBareBot(process.argv[2] as string, process.argv[3] as string);
  process.send?.('ready');
}
