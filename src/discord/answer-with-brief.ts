import { type ChatInputCommandInteraction, type MessageContextMenuCommandInteraction, MessageFlags } from 'discord.js';
import type { OnStage } from '../brief/make-brief.js';
import type { BriefRequest } from '../brief/schema.js';
import { stageText } from '../brief/stage-text.js';
import type { GuildSettings } from '../store/guild-settings.js';
import type { BotContext } from './bot-context.js';
import { briefForMember } from './brief-for-member.js';
import { renderBriefMessage } from './render/render-brief.js';

/** Discord renders `<t:…:R>` as a live "in 20 seconds" in each reader's client. */
const relative = (at: number) => `<t:${Math.ceil(at / 1000)}:R>`;

/**
 * Acknowledges at once (Discord drops an interaction not answered within 3 s), shows each stage
 * while the pipeline works, then replaces the progress with the brief.
 */
export async function answerWithBrief(
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  request: BriefRequest,
  ctx: BotContext,
  options: { ephemeral: boolean; settings: GuildSettings },
): Promise<void> {
  const who = { guildId: interaction.guildId ?? '', userId: interaction.user.id, settings: options.settings };
  // Counted before acknowledging, so a refusal is a private note rather than a public reply.
  await ctx.limits.takeBrief(who.guildId, who.userId, options.settings);
  await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  // Progress edits run in order and finish before the brief, so a late one can never cover it.
  let progress: Promise<unknown> = Promise.resolve();
  const onStage: OnStage = (stage, slow) => {
    const content = `⏳ ${stageText(stage, slow, relative)}`;
    progress = progress.then(() => interaction.editReply({ content })).catch(() => {});
  };
  const started = Date.now();
  const { brief, fromCache } = await briefForMember(ctx, who, request, onStage);
  await progress;
  await interaction.editReply({ ...renderBriefMessage(brief, fromCache), allowedMentions: { parse: [] } });
  ctx.logger.info(
    {
      guild: interaction.guildId,
      user: interaction.user.id,
      command: interaction.commandName,
      ms: Date.now() - started,
      engine: brief.meta.engine,
      fromCache,
    },
    'brief answered',
  );
}
