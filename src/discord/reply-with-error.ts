import { type Interaction, MessageFlags } from 'discord.js';
import { UserError, userMessageFor } from '../errors.js';
import type { Logger } from '../logger.js';

/** Shows one sentence on an interaction, whatever state it is in (answered, deferred, or neither). */
export async function answerInteractionWithSentence(interaction: Interaction, sentence: string): Promise<void> {
  if (!interaction.isRepliable()) return;
  const content = `⚠️ ${sentence}`;
  if (interaction.deferred || interaction.replied) {
    await interaction.editReply({ content, embeds: [], components: [], allowedMentions: { parse: [] } });
  } else {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  }
}

/**
 * The one place interaction errors end: logged with their context, answered with one sentence
 * (ours for UserErrors, a generic one otherwise), whatever state the interaction is in.
 */
export async function replyWithError(interaction: Interaction, error: unknown, logger: Logger): Promise<void> {
  const context = { guild: interaction.guildId, user: interaction.user.id, interaction: interaction.id };
  if (error instanceof UserError) logger.info({ ...context, code: error.code }, 'answered with a user error');
  else logger.error({ ...context, err: error }, 'interaction failed');
  try {
    await answerInteractionWithSentence(interaction, userMessageFor(error));
  } catch (replyError) {
    logger.warn({ ...context, err: replyError }, 'could not deliver the error reply');
  }
}
