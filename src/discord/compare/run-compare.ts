import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import type { BotContext } from '../bot-context.js';
import { budgetHooks } from '../doors/run-door.js';
import { type AnsweredStory, renderCompareAnswer } from '../render/render-compare-answer.js';
import { briefLinks } from './brief-links.js';
import type { CompareInput } from './compare-links.js';
import { groupLinksByStory } from './group-links.js';
import { linksFromMessage } from './links-from-message.js';

const stories = (n: number) => (n === 1 ? '1 story' : `${n} stories`);

/**
 * /compare after its option was read: acknowledges at once (Discord drops an interaction not
 * answered within 3 s), briefs every link as the other doors do, groups the briefs into their
 * stories, compares each story the links tell from two outlets or more, and shows progress on
 * the way. Only the links given are compared, not other reports filed in their stories.
 */
export async function runCompare(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  options: { input: CompareInput; ephemeral: boolean },
): Promise<void> {
  await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  // Progress edits run in order and finish before the answer, so a late one can never cover it.
  let progress: Promise<unknown> = Promise.resolve();
  const show = (content: string) => {
    progress = progress.then(() => interaction.editReply({ content })).catch(() => {});
  };
  try {
    const { input } = options;
    const urls = input.kind === 'links' ? input.urls : await linksFromMessage(interaction, ctx, input);
    const guildId = interaction.guildId ?? '';
    const settings = await ctx.settings.get(guildId);
    show(`⏳ Briefing ${urls.length} links…`);
    const outcomes = await briefLinks(
      ctx,
      { door: 'compare', guildId, userId: interaction.user.id, settings },
      urls,
      (done) => show(`⏳ Briefed ${done} of ${urls.length} links…`),
    );
    const grouped = await groupLinksByStory(ctx, outcomes);
    const comparable = grouped.filter((s) => s.comparable);
    if (comparable.length) show(`⏳ Comparing ${stories(comparable.length)}…`);
    const answered: AnsweredStory[] = [];
    for (const story of grouped) {
      if (!story.comparable) {
        answered.push({ story, compared: null });
        continue;
      }
      const compared = await ctx.stories.compare(story.briefs, budgetHooks(ctx, guildId, settings));
      const stored = compared.fromCache || (await ctx.stories.getComparison(compared.key)) !== undefined;
      answered.push({ story, compared: { ...compared, stored } });
    }
    ctx.logger.info(
      {
        guild: guildId,
        user: interaction.user.id,
        links: urls.length,
        stories: grouped.length,
        compared: comparable.length,
      },
      'links compared',
    );
    await progress;
    const failed = outcomes.filter((o) => o.made === null);
    await interaction.editReply({ ...renderCompareAnswer(answered, failed), allowedMentions: { parse: [] } });
  } finally {
    await progress;
  }
}
