import { ChannelType, type Message, PermissionFlagsBits } from 'discord.js';
import type { Brief } from '../brief/schema.js';
import { capAtWord } from '../text/cap-at-word.js';
import { renderClaimsEmbeds } from './render/render-claims.js';

const NO_MENTIONS = { parse: [], repliedUser: false } as const;

/** The claim list under a message: in a new thread where the bot may open one, else as a reply. */
export async function postClaims(message: Message<true>, brief: Brief): Promise<void> {
  const embeds = renderClaimsEmbeds(brief);
  const me = message.guild.members.me;
  const channel = message.channel;
  const canThread =
    me !== null &&
    (channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement) &&
    channel
      .permissionsFor(me)
      .has([PermissionFlagsBits.CreatePublicThreads, PermissionFlagsBits.SendMessagesInThreads]) &&
    !message.hasThread;
  if (canThread) {
    const thread = await message.startThread({ name: capAtWord(`Claims: ${brief.summary.headline}`, 100) });
    await thread.send({ embeds, allowedMentions: NO_MENTIONS });
    return;
  }
  await message.reply({ embeds, allowedMentions: NO_MENTIONS });
}
