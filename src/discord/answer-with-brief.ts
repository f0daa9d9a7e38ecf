import { type ChatInputCommandInteraction, type MessageContextMenuCommandInteraction, MessageFlags } from 'discord.js';
import type { OnStage } from '../brief/make-brief.js';
import type { BriefLength, BriefRequest } from '../brief/schema.js';
import { stageText } from '../brief/stage-text.js';
import type { GuildSettings } from '../store/guild-settings.js';
import type { BotContext } from './bot-context.js';
import { type DoorName, runDoor } from './doors/run-door.js';
import { renderBriefMessage } from './render/render-brief.js';
import { answerInteractionWithSentence } from './reply-with-error.js';

/** Discord renders `<t:…:R>` as a live "in 20 seconds" in each reader's client. */
const relative = (at: number) => `<t:${Math.ceil(at / 1000)}:R>`;

/**
 * The interaction doors (slash command, context menu): acknowledges at once once the limits allow
 * it (Discord drops an interaction not answered within 3 s), shows each stage while the pipeline
 * works, then replaces the progress with the brief. A refusal before acknowledging is private.
 */
export async function answerWithBrief(
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  request: { source: BriefRequest['source']; length?: BriefLength | undefined },
  ctx: BotContext,
  options: { door: DoorName; ephemeral: boolean; settings: GuildSettings },
): Promise<void> {
  // Progress edits run in order and finish before the brief, so a late one can never cover it.
  let progress: Promise<unknown> = Promise.resolve();
  const onStage: OnStage = (stage, slow) => {
    const content = `⏳ ${stageText(stage, slow, relative)}`;
    progress = progress.then(() => interaction.editReply({ content })).catch(() => {});
  };
  await runDoor(
    ctx,
    {
      door: options.door,
      guildId: interaction.guildId ?? '',
      userId: interaction.user.id,
      settings: options.settings,
      ...request,
    },
    {
      accepted: () => interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
      progress: onStage,
      async deliver({ brief, fromCache, story }) {
        await progress;
        await interaction.editReply({ ...renderBriefMessage(brief, fromCache, story), allowedMentions: { parse: [] } });
      },
      async fail(sentence) {
        await progress;
        await answerInteractionWithSentence(interaction, sentence);
      },
    },
  );
}
