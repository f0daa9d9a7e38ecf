import type { ChatInputCommandInteraction } from 'discord.js';
import { itemBriefSource } from '../../feeds/item-brief-source.js';
import type { BotContext } from '../bot-context.js';
import { runDoor } from '../doors/run-door.js';
import { renderBriefMessage } from '../render/render-brief.js';
import { answerInteractionWithSentence } from '../reply-with-error.js';

/**
 * `/sitrep feed preview`: the brief of a feed's newest item, shown only to the admin who asked (the
 * interaction is already deferred as private). It counts as the admin's own brief.
 */
export async function previewFeed(interaction: ChatInputCommandInteraction, ctx: BotContext, ref: string) {
  const guildId = interaction.guildId ?? '';
  const { feedTitle, item, subscription } = await ctx.feeds.newestItem(guildId, ref);
  if (!item) {
    await answerInteractionWithSentence(interaction, `The feed “${feedTitle.slice(0, 100)}” has no items yet.`);
    return;
  }
  await runDoor(
    ctx,
    {
      door: 'feed',
      guildId,
      userId: interaction.user.id,
      settings: await ctx.settings.get(guildId),
      source: itemBriefSource(item),
      length: subscription?.length ?? undefined,
    },
    {
      deliver: ({ brief, fromCache, story }) =>
        interaction.editReply({ ...renderBriefMessage(brief, fromCache, story), allowedMentions: { parse: [] } }),
      fail: (sentence) => answerInteractionWithSentence(interaction, sentence),
    },
  );
}
