import {
  type CacheFactory,
  type CacheWithLimitsOptions,
  Client,
  GatewayIntentBits,
  LimitedCollection,
  Options,
  Partials,
} from 'discord.js';

/**
 * What Sitrep keeps. Messages and threads are never read from the cache (a reaction's message is
 * fetched fresh; a claims thread is used as created), so every text channel keeps neither;
 * commands are deployed through REST and interactions are routed by name, so no command cache.
 */
const CACHE_LIMITS: CacheWithLimitsOptions = {
  ...Options.DefaultMakeCacheSettings,
  MessageManager: 0,
  ThreadManager: 0,
  ApplicationCommandManager: 0,
  AutoModerationRuleManager: 0,
  GuildBanManager: 0,
  GuildInviteManager: 0,
  EntitlementManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  PresenceManager: 0,
  VoiceStateManager: 0,
  GuildEmojiManager: 0,
  GuildStickerManager: 0,
  GuildScheduledEventManager: 0,
  StageInstanceManager: 0,
  ThreadMemberManager: 0,
  GuildMemberManager: { maxSize: 1, keepOverLimit: (member) => member.id === member.client.user.id },
  UserManager: { maxSize: 100, keepOverLimit: (user) => user.id === user.client.user.id },
};

const limitedCache = Options.cacheWithLimits(CACHE_LIMITS);
const NEVER_HOLDS_ANYTHING = new LimitedCollection({ maxSize: 0 });

/**
 * A cache limited to 0 never holds an entry, so all of them share one empty collection instead of
 * a Map each: every text channel has a message and a thread manager, some 40,000 empty Maps (about
 * 10 MB) for 1,000 guilds of 20 channels.
 */
const makeCache: CacheFactory = (managerType, holds, manager) => {
  const limits = CACHE_LIMITS as Record<string, unknown>;
  return (limits[manager.name] ?? limits[managerType.name]) === 0
    ? (NEVER_HOLDS_ANYTHING as ReturnType<CacheFactory>)
    : limitedCache(managerType, holds, manager);
};

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
    makeCache,
  });
}
