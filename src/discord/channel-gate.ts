import type { GuildSettings } from '../store/guild-settings.js';

/** Null when the bot may work in this channel; otherwise the short note naming where it may. */
export function channelRefusal(settings: GuildSettings, channelId: string | null): string | null {
  if (settings.allowedChannels.length === 0 || (channelId && settings.allowedChannels.includes(channelId))) return null;
  const places = settings.allowedChannels.map((id) => `<#${id}>`).join(', ');
  return `Sitrep is set to work only in ${places} on this server.`;
}
