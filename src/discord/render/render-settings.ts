import type { APIEmbed } from 'discord.js';
import type { GuildSettings } from '../../store/guild-settings.js';

const channels = (ids: string[], none: string) => (ids.length ? ids.map((id) => `<#${id}>`).join(', ') : none);

export function renderSettingsEmbed(settings: GuildSettings, hasMessageContent: boolean): APIEmbed {
  return {
    title: 'Sitrep settings for this server',
    fields: [
      { name: 'Channels', value: channels(settings.allowedChannels, 'everywhere') },
      {
        name: 'Auto-summarize',
        value:
          channels(settings.autoSummarizeChannels, 'off') +
          (settings.autoSummarizeChannels.length && !hasMessageContent ? '\n⚠️ needs the Message Content intent' : ''),
      },
      { name: 'Claims emoji', value: settings.claimsEmoji, inline: true },
      { name: 'Default length', value: settings.defaultLength, inline: true },
      { name: 'Language', value: settings.language, inline: true },
      {
        name: 'Limits',
        value: `${settings.userBriefsPerHour} briefs per member and ${settings.guildBriefsPerHour} per server each hour; ${settings.dailyTokenBudget.toLocaleString('en-US')} model tokens a day; ${settings.feedPostsPerHour} feed posts per channel each hour`,
      },
    ],
  };
}
