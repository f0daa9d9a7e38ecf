import { type ChatInputCommandInteraction, PermissionFlagsBits } from 'discord.js';
import { UserError } from '../../errors.js';
import { findUrls } from '../../text/find-urls.js';
import type { BotContext } from '../bot-context.js';
import { checkLinkCount } from './compare-links.js';

const CANNOT_SEE =
  'That message is not one Sitrep can read for you: it must be in this server, in a channel you can see.';

/**
 * The article links in a message someone linked to. Only a message of this server, in a channel the
 * member who asked can read (so /compare never shows what they could not see), and Discord gives a
 * message's text only to bots with the Message Content intent, unless the bot wrote it.
 */
export async function linksFromMessage(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  where: { guildId: string; channelId: string; messageId: string },
): Promise<string[]> {
  if (!interaction.inCachedGuild() || where.guildId !== interaction.guildId)
    throw new UserError('BAD_INPUT', CANNOT_SEE);
  const channel = await interaction.guild.channels.fetch(where.channelId).catch(() => null);
  const readable =
    channel?.isTextBased() &&
    channel
      .permissionsFor(interaction.member)
      .has([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.ReadMessageHistory]);
  if (!channel?.isTextBased() || !readable) throw new UserError('BAD_INPUT', CANNOT_SEE);
  const message = await channel.messages.fetch(where.messageId).catch(() => null);
  if (!message) throw new UserError('BAD_INPUT', 'That message was not found; it may have been deleted.');
  const urls = findUrls(message.content);
  if (urls.length === 0 && message.author.id !== interaction.client.user.id && !ctx.hasMessageContent()) {
    throw new UserError(
      'BAD_INPUT',
      'Sitrep cannot read other members’ messages without the Message Content intent; give the links themselves.',
    );
  }
  return checkLinkCount(urls);
}
