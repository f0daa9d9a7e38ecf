import type { Message, MessageReplyOptions } from 'discord.js';

/** A reply under a member's message that pings nobody, the replied-to member included. */
export function replyQuietly(message: Message, reply: MessageReplyOptions) {
  return message.reply({ ...reply, allowedMentions: { parse: [], repliedUser: false } });
}
