import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { UserError } from '../errors.js';
import type { BotContext } from './bot-context.js';
import { parseBriefButtonId } from './render/brief-button-id.js';
import { renderBriefMessage } from './render/render-brief.js';
import { renderClaimsEmbeds, renderReadEmbed, renderSourceNoteEmbed } from './render/render-claims.js';
import { storyPlaceOf } from './stories/file-into-story.js';

/**
 * Claims, Source note and What I read buttons, and a digest's buttons (the whole brief): answered from
 * the stored brief, never by a new model call.
 */
export async function answerBriefButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const parsed = parseBriefButtonId(interaction.customId);
  if (!parsed) throw new UserError('BAD_INPUT', 'That button is not one of Sitrep’s.');
  const brief = await ctx.briefs.getShownBrief(parsed.cacheKey);
  if (!brief) throw new UserError('NO_ARTICLE', 'That brief is no longer stored; run /summarize again to rebuild it.');
  if (parsed.kind === 'full') {
    await interaction.reply({
      ...renderBriefMessage(brief, true, await storyPlaceOf(ctx, brief)),
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
    return;
  }
  const embeds =
    parsed.kind === 'claims'
      ? renderClaimsEmbeds(brief)
      : parsed.kind === 'read'
        ? [renderReadEmbed(brief)]
        : [renderSourceNoteEmbed(brief)];
  await interaction.reply({ embeds, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
}
