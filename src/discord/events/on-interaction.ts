import { type Interaction, MessageFlags } from 'discord.js';
import { answerBriefButton } from '../answer-brief-button.js';
import type { BotContext } from '../bot-context.js';
import { channelRefusal } from '../channel-gate.js';
import type { Command } from '../command.js';
import { parseStoryButtonId } from '../render/story-button-id.js';
import { replyWithError } from '../reply-with-error.js';
import { answerStoryButton } from '../stories/answer-story-button.js';

/** Routes every interaction to its command or button, behind the channel gate and the error handler. */
export function createInteractionHandler(commands: Command[], ctx: BotContext) {
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  return (interaction: Interaction) =>
    ctx.track(
      (async () => {
        try {
          if (!interaction.inGuild()) return;
          if (interaction.isAutocomplete()) {
            const target = byName.get(interaction.commandName);
            return await (target?.kind === 'chat' ? target.autocomplete?.(interaction, ctx) : interaction.respond([]));
          }
          const command = interaction.isCommand() ? byName.get(interaction.commandName) : undefined;
          const gated = interaction.isButton() || (command && !(command.kind === 'chat' && command.anyChannel));
          if (gated && interaction.isRepliable()) {
            const refusal = channelRefusal(await ctx.settings.get(interaction.guildId), interaction.channelId);
            if (refusal) {
              await interaction.reply({
                content: refusal,
                flags: MessageFlags.Ephemeral,
                allowedMentions: { parse: [] },
              });
              return;
            }
          }
          if (interaction.isButton()) {
            const story = parseStoryButtonId(interaction.customId) !== null;
            return await (story ? answerStoryButton : answerBriefButton)(interaction, ctx);
          }
          if (interaction.isChatInputCommand() && command?.kind === 'chat')
            return await command.execute(interaction, ctx);
          if (interaction.isMessageContextMenuCommand() && command?.kind === 'message') {
            return await command.execute(interaction, ctx);
          }
        } catch (error) {
          await replyWithError(interaction, error, ctx.logger);
        }
      })(),
    );
}
