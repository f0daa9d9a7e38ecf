/** Gateway and REST payloads in the shapes discord.js v14 reads. Ids are snowflake strings. */

export const APP_ID = '1100000000000000001';
export const BOT_TOKEN = `${Buffer.from(APP_ID).toString('base64')}.stand-in.token`;
export const BOT_USER = {
  id: APP_ID,
  username: 'Sitrep',
  discriminator: '0',
  global_name: 'Sitrep',
  avatar: null,
  bot: true,
};

/** Permission bits the stand-in hands out. */
export const PERMISSIONS = {
  viewAndSend: (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n) | (1n << 6n) | (1n << 38n) | (1n << 35n),
  manageGuild: 1n << 5n,
  createPublicThreads: 1n << 35n,
  sendInThreads: 1n << 38n,
  viewChannel: 1n << 10n,
};

let sequence = 0n;
/** A fresh snowflake-like id; increasing, so discord.js orders things sensibly. */
export function nextId(): string {
  sequence += 1n;
  return String((BigInt(Date.now() - 1420070400000) << 22n) + sequence);
}

export function user(id: string, username: string) {
  return { id, username, discriminator: '0', global_name: username, avatar: null };
}

interface StandInChannel {
  id: string;
  name: string;
  /** Discord's channel type: 0 text (the default), 5 announcement, 15 forum. */
  type?: number;
  /** Deny thread creation for the bot in this channel (an overwrite on its member). */
  noThreads?: boolean;
  /** Hidden from ordinary members (an overwrite denying @everyone View Channel); the bot still sees it. */
  staffOnly?: boolean;
}

export interface StandInGuild {
  id: string;
  name: string;
  channels: StandInChannel[];
  /** Members besides the bot, for memory benchmarks. */
  extraMembers?: number;
  /** Roles besides @everyone. */
  roles?: { id: string; name: string }[];
}

export function guildCreate(guild: StandInGuild) {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: '1100000000000000099',
    unavailable: false,
    large: false,
    features: [],
    joined_at: new Date().toISOString(),
    roles: [
      {
        id: guild.id,
        name: '@everyone',
        permissions: String(PERMISSIONS.viewAndSend),
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
      ...(guild.roles ?? []).map((role, i) => ({
        id: role.id,
        name: role.name,
        permissions: '0',
        position: i + 1,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: true,
        flags: 0,
      })),
    ],
    channels: guild.channels.map((channel, position) => ({
      id: channel.id,
      type: channel.type ?? 0,
      name: channel.name,
      position,
      guild_id: guild.id,
      parent_id: null,
      permission_overwrites: [
        ...(channel.noThreads
          ? [{ id: APP_ID, type: 1, allow: '0', deny: String(PERMISSIONS.createPublicThreads) }]
          : []),
        ...(channel.staffOnly
          ? [
              { id: guild.id, type: 0, allow: '0', deny: String(PERMISSIONS.viewChannel) },
              { id: APP_ID, type: 1, allow: String(PERMISSIONS.viewChannel), deny: '0' },
            ]
          : []),
      ],
    })),
    members: [
      { user: BOT_USER, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
      ...Array.from({ length: guild.extraMembers ?? 0 }, (_, i) => ({
        user: user(`${guild.id.slice(0, 12)}${String(i).padStart(7, '0')}`, `member${i}`),
        roles: [],
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
      })),
    ],
    member_count: 1 + (guild.extraMembers ?? 0),
    threads: [],
    emojis: [],
    stickers: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export interface MessageInput {
  channelId: string;
  guildId?: string;
  content?: string;
  author?: ReturnType<typeof user> | typeof BOT_USER;
  embeds?: unknown[];
  components?: unknown[];
  id?: string;
  extra?: Record<string, unknown>;
}

export function message(input: MessageInput) {
  return {
    id: input.id ?? nextId(),
    channel_id: input.channelId,
    ...(input.guildId ? { guild_id: input.guildId } : {}),
    author: input.author ?? BOT_USER,
    content: input.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: input.embeds ?? [],
    components: input.components ?? [],
    pinned: false,
    type: 0,
    flags: 0,
    ...input.extra,
  };
}
