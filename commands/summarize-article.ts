import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType } from 'discord.js';
import { answerWithBrief } from '../src/discord/answer-with-brief.js';
import type { MessageCommand } from '../src/discord/command.js';
import { UserError } from '../src/errors.js';
import { findUrls } from '../src/text/find-urls.js';

const MIN_TEXT_WORDS = 40;

export const summarizeArticle: MessageCommand = {
  kind: 'message',
  data: new ContextMenuCommandBuilder()
    .setName('Summarize article')
    .setType(ApplicationCommandType.Message)
    .setContexts(InteractionContextType.Guild)
    .toJSON(),
  async execute(interaction, ctx) {
    const content = interaction.targetMessage.content;
    const [url] = findUrls(content);
    if (!url && content.split(/\s+/).length < MIN_TEXT_WORDS) {
      throw new UserError('BAD_INPUT', 'That message has no link and too little text to summarize.');
    }
    const settings = await ctx.settings.get(interaction.guildId ?? '');
    const source = url ? { kind: 'url' as const, url } : { kind: 'text' as const, text: content };
    await answerWithBrief(interaction, { source }, ctx, { door: 'context-menu', ephemeral: false, settings });
  },
};
