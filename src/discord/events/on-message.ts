import type { Message } from 'discord.js';
import { findUrls } from '../../text/find-urls.js';
import type { BotContext } from '../bot-context.js';
import { runDoor } from '../doors/run-door.js';
import { renderBriefMessage } from '../render/render-brief.js';
import { replyQuietly } from '../reply-in-channel.js';

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
        await runDoor(
          ctx,
          {
            door: 'auto-summarize',
            guildId: message.guildId,
            userId: message.author.id,
            settings,
            source: { kind: 'url', url },
          },
          {
            deliver: ({ brief, fromCache, story }) =>
              replyQuietly(message, renderBriefMessage(brief, fromCache, story)),
            fail: (sentence) => replyQuietly(message, { content: `⚠️ ${sentence}` }),
          },
        );
      })(),
    );
}
