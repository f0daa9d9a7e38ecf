import type { Message } from 'discord.js';
import { userMessageFor } from '../../errors.js';
import { findUrls } from '../../text/find-urls.js';
import type { BotContext } from '../bot-context.js';
import { briefForMember } from '../brief-for-member.js';
import { renderBriefMessage } from '../render/render-brief.js';

/** In auto-summarize channels, the first news link of a member's message gets a brief as a reply. */
export function createMessageHandler(ctx: BotContext) {
  return (message: Message) =>
    ctx.track(
      (async () => {
        if (message.author.bot || !message.inGuild()) return;
        const settings = await ctx.settings.get(message.guildId);
        if (!settings.autoSummarizeChannels.includes(message.channelId)) return;
        const [url] = findUrls(message.content);
        if (!url) return;
        try {
          await ctx.limits.takeBrief(message.guildId, message.author.id, settings);
          const { brief, fromCache } = await briefForMember(
            ctx,
            { guildId: message.guildId, userId: message.author.id, settings },
            { source: { kind: 'url', url }, length: settings.defaultLength, language: settings.language },
          );
          await message.reply({
            ...renderBriefMessage(brief, fromCache),
            allowedMentions: { parse: [], repliedUser: false },
          });
          ctx.logger.info({ guild: message.guildId, user: message.author.id, event: 'auto-summarize' }, 'brief posted');
        } catch (error) {
          ctx.logger.warn({ err: error, guild: message.guildId, event: 'auto-summarize' }, 'auto-summarize failed');
          await message
            .reply({ content: `⚠️ ${userMessageFor(error)}`, allowedMentions: { parse: [], repliedUser: false } })
            .catch(() => {});
        }
      })(),
    );
}
