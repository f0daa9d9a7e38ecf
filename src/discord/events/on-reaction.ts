import type { Message, MessageReaction, PartialMessageReaction, PartialUser, User } from 'discord.js';
import { userMessageFor } from '../../errors.js';
import { findUrls } from '../../text/find-urls.js';
import type { BotContext } from '../bot-context.js';
import { briefKeyOfMessage } from '../brief-key-of-message.js';
import { channelRefusal } from '../channel-gate.js';
import { runDoor } from '../doors/run-door.js';
import { postClaims } from '../post-claims.js';
import { replyQuietly } from '../reply-in-channel.js';

const ANSWERED_TTL_MS = 7 * 24 * 60 * 60 * 1000;

function emojiMatches(emoji: MessageReaction['emoji'], wanted: string): boolean {
  return emoji.name === wanted || emoji.toString() === wanted || emoji.id === wanted;
}

/**
 * The claims emoji on a Sitrep brief posts its claims; on another message with a link, it briefs
 * that link first. Works on messages from before the bot started (partials are fetched), and
 * answers once per message and emoji however many react: a marker in the store survives restarts,
 * a set in memory closes the gap between concurrent reactions.
 */
export function createReactionHandler(ctx: BotContext) {
  const claimed = new Set<string>();
  const answerOnce = async (key: string) => {
    if (claimed.has(key)) return false;
    claimed.add(key);
    try {
      return await ctx.briefs.markAnswered(key, ANSWERED_TTL_MS);
    } finally {
      claimed.delete(key);
    }
  };

  return (reaction: MessageReaction | PartialMessageReaction, user: User | PartialUser) =>
    ctx.track(
      (async () => {
        if (user.bot) return;
        const { guildId, channelId, id: messageId } = reaction.message;
        if (!guildId) return;
        let message: Message | undefined;
        try {
          const settings = await ctx.settings.get(guildId);
          if (!emojiMatches(reaction.emoji, settings.claimsEmoji) || channelRefusal(settings, channelId)) return;
          if (!(await answerOnce(`reaction:${messageId}:${settings.claimsEmoji}`))) return;
          // Fetched fresh, also when cached: a cached copy may predate the edit that added the buttons.
          message = await reaction.message.fetch(true);
          if (!message.inGuild()) return;

          const key = briefKeyOfMessage(message);
          if (!key) {
            const [url] = findUrls(message.content);
            if (!url) return;
            const linkMessage = message;
            await runDoor(
              ctx,
              { door: 'reaction', guildId, userId: user.id, settings, source: { kind: 'url', url } },
              {
                deliver: ({ brief }) => postClaims(linkMessage, brief),
                fail: (sentence) => replyQuietly(linkMessage, { content: `⚠️ ${sentence}` }),
              },
            );
            return;
          }
          const brief = await ctx.briefs.getShownBrief(key);
          if (!brief) {
            await replyQuietly(message, { content: 'That brief is no longer stored; run /summarize again.' });
            return;
          }
          await postClaims(message, brief);
          ctx.logger.info(
            { guild: message.guildId, user: user.id, message: message.id, event: 'reaction' },
            'claims posted',
          );
        } catch (error) {
          ctx.logger.error({ err: error, user: user.id, message: message?.id, event: 'reaction' }, 'reaction failed');
          if (message) await replyQuietly(message, { content: `⚠️ ${userMessageFor(error)}` }).catch(() => {});
        }
      })(),
    );
}
