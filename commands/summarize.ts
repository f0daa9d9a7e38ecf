import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { BriefLengthSchema } from '../src/brief/schema.js';
import { answerWithBrief } from '../src/discord/answer-with-brief.js';
import type { ChatCommand } from '../src/discord/command.js';
import { readOptions } from '../src/discord/read-options.js';
import { UserError } from '../src/errors.js';

const SummarizeOptions = z.object({
  url: z.string().trim().optional(),
  text: z.string().trim().optional(),
  length: BriefLengthSchema.optional(),
  private: z.boolean().default(false),
});

export const summarize: ChatCommand = {
  kind: 'chat',
  data: new SlashCommandBuilder()
    .setName('summarize')
    .setDescription('Brief a news article: neutral summary, who claims what, and a source note')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) => o.setName('url').setDescription('Link to the article').setMaxLength(2048))
    .addStringOption((o) => o.setName('text').setDescription('The article text, pasted').setMaxLength(6000))
    .addStringOption((o) =>
      o
        .setName('length')
        .setDescription('How long the brief is (default: the server setting)')
        .addChoices(
          { name: 'short', value: 'short' },
          { name: 'standard', value: 'standard' },
          { name: 'detailed', value: 'detailed' },
        ),
    )
    .addBooleanOption((o) => o.setName('private').setDescription('Only you see the brief'))
    .toJSON(),
  async execute(interaction, ctx) {
    const options = readOptions(interaction.options.data, SummarizeOptions);
    if (Boolean(options.url) === Boolean(options.text)) {
      throw new UserError(
        'BAD_INPUT',
        'Give exactly one of `url` (a link to the article) or `text` (the article pasted).',
      );
    }
    const settings = await ctx.settings.get(interaction.guildId ?? '');
    const source = options.url
      ? { kind: 'url' as const, url: options.url }
      : { kind: 'text' as const, text: options.text ?? '' };
    await answerWithBrief(interaction, { source, length: options.length }, ctx, {
      door: 'summarize',
      ephemeral: options.private,
      settings,
    });
  },
};
