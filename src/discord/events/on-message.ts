import type { Message } from 'discord.js';
import { makeBrief } from '../../brief/make-brief.js';
import { userMessageFor } from '../../errors.js';
import { findUrls } from '../../text/find-urls.js';
import type { BotContext } from '../bot-context.js';
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
          const { brief, fromCache } = await makeBrief(
            { source: { kind: 'url', url }, length: settings.defaultLength, language: settings.language },
            ctx.pipeline,
          );
          await ctx.pipeline.cache.setShownBrief(brief);
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
