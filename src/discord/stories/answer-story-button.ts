import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { UserError } from '../../errors.js';
import type { BotContext } from '../bot-context.js';
import { budgetHooks } from '../doors/run-door.js';
import { renderComparisonMessage } from '../render/render-comparison.js';
import { renderFullComparisonEmbeds } from '../render/render-full-comparison.js';
import { parseStoryButtonId } from '../render/story-button-id.js';
import { loadStoryBriefs, outletsAmong } from './load-story-briefs.js';

const NO_MENTIONS = { parse: [] };

/**
 * Compare coverage (on a brief) and Full comparison (on a comparison), answered privately. Compare
 * finds the brief's story as it stands now and compares its members' stored briefs, with the
 * server's daily model budget as the gate; Full comparison answers from the stored comparison.
 */
export async function answerStoryButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const parsed = parseStoryButtonId(interaction.customId);
  if (!parsed) throw new UserError('BAD_INPUT', 'That button is not one of Sitrep’s.');
  if (parsed.kind === 'full') {
    const comparison = await ctx.stories.getComparison(parsed.key);
    if (!comparison) {
      throw new UserError(
        'NO_ARTICLE',
        'That comparison is no longer stored; press Compare coverage on a brief of the story.',
      );
    }
    const embeds = renderFullComparisonEmbeds(comparison, true);
    await interaction.reply({ embeds, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return;
  }
  const storyId = await ctx.stories.storyOf(parsed.key);
  if (!storyId) throw new UserError('NO_ARTICLE', 'That brief is no longer filed in a story; run /summarize again.');
  const briefs = await loadStoryBriefs(ctx, storyId);
  if (outletsAmong(briefs) < 2) {
    throw new UserError(
      'NO_ARTICLE',
      'Only one outlet’s report of this story is still stored, so there is nothing to compare.',
    );
  }
  const guildId = interaction.guildId ?? '';
  const settings = await ctx.settings.get(guildId);
  // A comparison may take the model some seconds; Discord wants an answer within three.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const compared = await ctx.stories.compare(briefs, budgetHooks(ctx, guildId, settings));
  const stored = compared.fromCache || (await ctx.stories.getComparison(compared.key)) !== undefined;
  ctx.logger.info(
    {
      guild: guildId,
      user: interaction.user.id,
      story: storyId,
      members: briefs.length,
      fromCache: compared.fromCache,
    },
    'story compared',
  );
  await interaction.editReply({
    ...renderComparisonMessage(compared.comparison, compared.key, { fromCache: compared.fromCache, stored }),
    allowedMentions: NO_MENTIONS,
  });
}
