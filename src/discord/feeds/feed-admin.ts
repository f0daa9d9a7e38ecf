import { ChannelType, type ChatInputCommandInteraction, MessageFlags, PermissionFlagsBits } from 'discord.js';
import { z } from 'zod';
import { BriefLengthSchema } from '../../brief/schema.js';
import { UserError } from '../../errors.js';
import type { FeedSubscription } from '../../feeds/subscription.js';
import type { BotContext } from '../bot-context.js';
import { readOptions } from '../read-options.js';
import { inert } from '../render/discord-text.js';
import { previewFeed } from './preview-feed.js';
import { feedTraits, renderFeedList } from './render-feed-list.js';

const FeedOptions = z.object({
  url: z.string().trim().min(1).max(2048).optional(),
  channel: z.string().optional(),
  include: z.string().max(1_000).optional(),
  exclude: z.string().max(1_000).optional(),
  mention: z.string().optional(),
  length: BriefLengthSchema.optional(),
  'digest-hour': z.number().int().min(0).max(23).optional(),
  feed: z.string().trim().min(1).max(2048).optional(),
});
type Options = z.infer<typeof FeedOptions>;

const CHANNEL_KINDS = new Map<ChannelType, FeedSubscription['channelKind']>([
  [ChannelType.GuildText, 'messages'],
  [ChannelType.GuildAnnouncement, 'messages'],
  [ChannelType.GuildForum, 'forum'],
]);

const named = (sub: FeedSubscription) => `**${inert(sub.title, 120)}** (\`${sub.id}\`)`;
const required = <T>(value: T | undefined, name: string): T => {
  if (value === undefined) throw new UserError('BAD_INPUT', `Give the \`${name}\` option.`);
  return value;
};

/** The channel's kind, refused when feeds cannot post there or the bot may not. */
function channelKind(interaction: ChatInputCommandInteraction): FeedSubscription['channelKind'] {
  const channel = interaction.options.getChannel('channel', true);
  const kind = CHANNEL_KINDS.get(channel.type);
  if (!kind) throw new UserError('BAD_INPUT', 'Feeds post into a text, announcement or forum channel.');
  const cached = interaction.guild?.channels.cache.get(channel.id);
  const me = interaction.guild?.members.me;
  const needed = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks];
  if (kind === 'forum') needed.push(PermissionFlagsBits.SendMessagesInThreads);
  if (cached && me && !cached.permissionsFor(me).has(needed)) {
    throw new UserError(
      'BAD_INPUT',
      `I cannot post in <#${channel.id}>: give me View Channel, Send Messages and Embed Links there.`,
    );
  }
  return kind;
}

async function add(interaction: ChatInputCommandInteraction, ctx: BotContext, o: Options): Promise<string> {
  const channelId = required(o.channel, 'channel');
  const { subscription, itemCount } = await ctx.feeds.add({
    guildId: interaction.guildId ?? '',
    channelId,
    channelKind: channelKind(interaction),
    url: required(o.url, 'url'),
    include: o.include,
    exclude: o.exclude,
    mentionRoleId: o.mention ?? null,
    length: o.length ?? null,
    digestHourUtc: o['digest-hour'] ?? null,
    addedBy: interaction.user.id,
  });
  const traits = feedTraits(subscription);
  return [
    `Following ${named(subscription)} in <#${channelId}>.`,
    `It has ${itemCount} item${itemCount === 1 ? '' : 's'} now; only new ones will be posted.`,
    ...(traits.length ? [`-# ${traits.join(' · ')}`] : []),
  ].join('\n');
}

/** Each subcommand that answers with a sentence. */
const actions: Record<string, (i: ChatInputCommandInteraction, ctx: BotContext, o: Options) => Promise<string>> = {
  add,
  async remove(i, ctx, o) {
    const sub = await ctx.feeds.remove(i.guildId ?? '', required(o.feed, 'feed'));
    return `Stopped following ${named(sub)}; nothing more will be posted from it.`;
  },
  async pause(i, ctx, o) {
    const sub = await ctx.feeds.pause(i.guildId ?? '', required(o.feed, 'feed'));
    return `Paused ${named(sub)}. Resume it with \`/sitrep feed resume\`.`;
  },
  async resume(i, ctx, o) {
    const { subscription, itemCount } = await ctx.feeds.resume(i.guildId ?? '', required(o.feed, 'feed'));
    return `Resumed ${named(subscription)} in <#${subscription.channelId}>. It has ${itemCount} item${itemCount === 1 ? '' : 's'} now; only items published from now on will be posted.`;
  },
};

/**
 * `/sitrep feed …` (Manage Server, checked by the caller): add, list, remove, pause, resume and
 * preview. Answers are private. Reading a feed can take seconds, so those answer after a deferral.
 */
export async function runFeedAdmin(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const subcommand = interaction.options.getSubcommand();
  const options = readOptions(interaction.options.data, FeedOptions);
  const guildId = interaction.guildId ?? '';
  if (subcommand === 'list') {
    const embed = renderFeedList(await ctx.feeds.list(guildId), ctx.feeds.perGuild);
    await interaction.reply({ embeds: [embed], flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  if (subcommand === 'preview') return previewFeed(interaction, ctx, required(options.feed, 'feed'));
  const action = actions[subcommand];
  if (!action) throw new UserError('BAD_INPUT', `Unknown feed action "${subcommand}".`);
  const content = await action(interaction, ctx, options);
  ctx.logger.info({ guild: guildId, user: interaction.user.id, feedAction: subcommand }, 'feed changed');
  await interaction.editReply({ content, allowedMentions: { parse: [] } });
}
