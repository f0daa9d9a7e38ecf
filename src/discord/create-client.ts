import { Client, GatewayIntentBits, Options, Partials } from 'discord.js';

/**
 * The discord.js client with what Sitrep uses and little else: guild, message and reaction events
 * (Message Content only when asked for), partials so reactions on old messages arrive, small
 * caches, and no mentions unless a message says otherwise.
 */
export function createDiscordClient(options: {
  apiUrl: string;
  messageContent: boolean;
  shards?: number[] | undefined;
  shardCount?: number | undefined;
}): Client {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.GuildMessageReactions];
  if (options.messageContent) intents.push(GatewayIntentBits.MessageContent);
  return new Client({
    intents,
    partials: [Partials.Message, Partials.Channel, Partials.Reaction, Partials.User],
    rest: { api: options.apiUrl },
    ...(options.shards && options.shardCount ? { shards: options.shards, shardCount: options.shardCount } : {}),
    allowedMentions: { parse: [], repliedUser: false },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 25,
      ReactionManager: 0,
      PresenceManager: 0,
      VoiceStateManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildScheduledEventManager: 0,
      StageInstanceManager: 0,
      ThreadMemberManager: 0,
      GuildMemberManager: { maxSize: 1, keepOverLimit: (member) => member.id === member.client.user.id },
      UserManager: { maxSize: 100, keepOverLimit: (user) => user.id === user.client.user.id },
    }),
  });
}
