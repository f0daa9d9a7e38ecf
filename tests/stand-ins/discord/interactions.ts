import { APP_ID, type message, nextId, PERMISSIONS, user } from './payloads.js';

export interface Actor {
  guildId: string;
  channelId: string;
  userId?: string;
  /** Member permissions; defaults to an ordinary member (no Manage Server). */
  permissions?: bigint;
}

function base(actor: Actor, type: number, data: unknown, extra: Record<string, unknown> = {}) {
  const member = {
    user: user(actor.userId ?? '1200000000000000001', 'reader'),
    roles: [],
    permissions: String(actor.permissions ?? PERMISSIONS.viewAndSend),
    joined_at: new Date().toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
  };
  return {
    id: nextId(),
    application_id: APP_ID,
    type,
    data,
    guild_id: actor.guildId,
    channel_id: actor.channelId,
    channel: {
      id: actor.channelId,
      type: 0,
      guild_id: actor.guildId,
      name: 'channel',
      permissions: String(PERMISSIONS.viewAndSend),
    },
    member,
    token: `itoken-${nextId()}`,
    version: 1,
    app_permissions: String(PERMISSIONS.viewAndSend),
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': actor.guildId },
    context: 0,
    attachment_size_limit: 8388608,
    ...extra,
  };
}

export type OptionValue = string | number | boolean;

/** Option names the stand-in sends as a channel (type 7) or a role (type 8) rather than by their value's type. */
const CHANNEL_OPTIONS = new Set(['channel']);
const ROLE_OPTIONS = new Set(['mention']);

/**
 * A chat input command; `path` is the subcommand group and subcommand, when there are any. A channel
 * option resolves to a text channel unless `channelTypes` gives its type (15 for a forum).
 */
export function chatInput(
  actor: Actor,
  name: string,
  options: Record<string, OptionValue> = {},
  path: string[] = [],
  channelTypes: Record<string, number> = {},
) {
  const channels: Record<string, unknown> = {};
  const roles: Record<string, unknown> = {};
  let leaf: any[] = Object.entries(options).map(([optionName, value]) => {
    const isChannel = CHANNEL_OPTIONS.has(optionName);
    const isRole = ROLE_OPTIONS.has(optionName);
    if (isChannel) {
      const type = channelTypes[String(value)] ?? 0;
      channels[String(value)] = { id: value, type, name: `c${value}`, permissions: '0' };
    }
    if (isRole) {
      roles[String(value)] = {
        id: value,
        name: `r${value}`,
        permissions: '0',
        position: 1,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: true,
        flags: 0,
      };
    }
    const type = isChannel ? 7 : isRole ? 8 : typeof value === 'boolean' ? 5 : typeof value === 'number' ? 4 : 3;
    return { name: optionName, type, value };
  });
  for (const [depth, part] of [...path].reverse().entries()) {
    leaf = [{ name: part, type: depth === 0 ? 1 : 2, options: leaf }];
  }
  return base(actor, 2, { id: nextId(), name, type: 1, options: leaf, resolved: { channels, roles } });
}

/** An autocomplete request (type 4) while typing `focused` in a subcommand's string option. */
export function autocomplete(actor: Actor, name: string, path: string[], focused: { name: string; value: string }) {
  let leaf: any[] = [{ name: focused.name, type: 3, value: focused.value, focused: true }];
  for (const [depth, part] of [...path].reverse().entries()) {
    leaf = [{ name: part, type: depth === 0 ? 1 : 2, options: leaf }];
  }
  return base(actor, 4, { id: nextId(), name, type: 1, options: leaf });
}

export function buttonPress(actor: Actor, customId: string, onMessage: ReturnType<typeof message>) {
  return base(actor, 3, { custom_id: customId, component_type: 2 }, { message: onMessage });
}

export function messageContextMenu(actor: Actor, name: string, target: ReturnType<typeof message>) {
  return base(actor, 2, {
    id: nextId(),
    name,
    type: 3,
    target_id: target.id,
    resolved: { messages: { [target.id]: target } },
  });
}

export function reactionAdd(actor: Actor, messageId: string, emoji: string) {
  return {
    user_id: actor.userId ?? '1200000000000000001',
    channel_id: actor.channelId,
    message_id: messageId,
    guild_id: actor.guildId,
    member: {
      user: user(actor.userId ?? '1200000000000000001', 'reader'),
      roles: [],
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
    },
    emoji: { id: null, name: emoji },
    burst: false,
    type: 0,
  };
}
