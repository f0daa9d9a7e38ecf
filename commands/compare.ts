import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import type { ChatCommand } from '../src/discord/command.js';
import { readCompareInput } from '../src/discord/compare/compare-links.js';
import { runCompare } from '../src/discord/compare/run-compare.js';
import { readOptions } from '../src/discord/read-options.js';

const CompareOptions = z.object({
  links: z.string().trim().min(1),
  private: z.boolean().default(false),
});

export const compare: ChatCommand = {
  kind: 'chat',
  data: new SlashCommandBuilder()
    .setName('compare')
    .setDescription('Compare how outlets report one event: who says what, where accounts conflict or agree')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) =>
      o
        .setName('links')
        .setDescription('2 to 5 article links separated by spaces, or a link to a message that holds them')
        .setRequired(true)
        .setMaxLength(3000),
    )
    .addBooleanOption((o) => o.setName('private').setDescription('Only you see the comparison'))
    .toJSON(),
  async execute(interaction, ctx) {
    const options = readOptions(interaction.options.data, CompareOptions);
    // Read before acknowledging: a refused option is answered privately, in one sentence.
    const input = readCompareInput(options.links);
    await runCompare(interaction, ctx, { input, ephemeral: options.private });
  },
};
