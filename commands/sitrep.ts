import {
  ChannelType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import { z } from 'zod';
import { BriefLengthSchema, LanguageSchema } from '../src/brief/schema.js';
import type { BotContext } from '../src/discord/bot-context.js';
import type { ChatCommand } from '../src/discord/command.js';
import { runFeedAdmin } from '../src/discord/feeds/feed-admin.js';
import { autocompleteFeed } from '../src/discord/feeds/feed-autocomplete.js';
import { readOptions } from '../src/discord/read-options.js';
import { renderSettingsEmbed } from '../src/discord/render/render-settings.js';
import { UserError } from '../src/errors.js';
import type { GuildSettings } from '../src/store/guild-settings.js';

const NEEDS_MESSAGE_CONTENT =
  'Auto-summarize needs the Message Content intent, which this bot does not have: enable it for the application in the Discord Developer Portal and set SITREP_MESSAGE_CONTENT=true. Until then, links in that channel are not read.';

const ConfigOptions = z.object({
  channel: z.string().optional(),
  enabled: z.boolean().optional(),
  emoji: z.string().trim().min(1).max(64).optional(),
  length: BriefLengthSchema.optional(),
  code: LanguageSchema.optional(),
  'user-per-hour': z.number().int().min(1).max(1_000).optional(),
  'guild-per-hour': z.number().int().min(1).max(10_000).optional(),
  'daily-tokens': z.number().int().min(0).max(100_000_000).optional(),
  'feed-posts-per-hour': z.number().int().min(1).max(1_000).optional(),
});
type Options = z.infer<typeof ConfigOptions>;

const without = (list: string[], id: string) => list.filter((x) => x !== id);
const withAdded = (list: string[], id: string) => (list.includes(id) ? list : [...list, id]);

/** Each subcommand: how it changes the settings, and what it says afterwards. */
const changes: Record<string, (o: Options) => { apply: (s: GuildSettings) => GuildSettings; done: string }> = {
  'allow-channel': (o) => ({
    apply: (s) => ({ ...s, allowedChannels: withAdded(s.allowedChannels, o.channel ?? '') }),
    done: `Sitrep now works in <#${o.channel}>.`,
  }),
  'disallow-channel': (o) => ({
    apply: (s) => ({ ...s, allowedChannels: without(s.allowedChannels, o.channel ?? '') }),
    done: `Sitrep no longer works in <#${o.channel}>.`,
  }),
  'clear-channels': () => ({
    apply: (s) => ({ ...s, allowedChannels: [] }),
    done: 'Sitrep now works in every channel.',
  }),
  'auto-summarize': (o) => ({
    apply: (s) => ({
      ...s,
      autoSummarizeChannels: o.enabled
        ? withAdded(s.autoSummarizeChannels, o.channel ?? '')
        : without(s.autoSummarizeChannels, o.channel ?? ''),
    }),
    done: o.enabled
      ? `News links posted in <#${o.channel}> now get a brief.`
      : `Auto-summarize is off in <#${o.channel}>.`,
  }),
  'claims-emoji': (o) => ({
    apply: (s) => ({ ...s, claimsEmoji: o.emoji ?? s.claimsEmoji }),
    done: `Claims emoji set to ${o.emoji}.`,
  }),
  'default-length': (o) => ({
    apply: (s) => ({ ...s, defaultLength: o.length ?? s.defaultLength }),
    done: `Default length set to ${o.length}.`,
  }),
  language: (o) => ({
    apply: (s) => ({ ...s, language: o.code ?? s.language }),
    done: `Briefs will be written in \`${o.code}\`.`,
  }),
  limits: (o) => ({
    apply: (s) => ({
      ...s,
      userBriefsPerHour: o['user-per-hour'] ?? s.userBriefsPerHour,
      guildBriefsPerHour: o['guild-per-hour'] ?? s.guildBriefsPerHour,
      dailyTokenBudget: o['daily-tokens'] ?? s.dailyTokenBudget,
      feedPostsPerHour: o['feed-posts-per-hour'] ?? s.feedPostsPerHour,
    }),
    done: 'Limits updated.',
  }),
};

async function runSitrep(interaction: ChatInputCommandInteraction, ctx: BotContext) {
  // Discord hides the command from members without Manage Server; checked again here in case a
  // server's admins changed who may use it.
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserError('BAD_INPUT', 'You need the Manage Server permission to change Sitrep’s settings.');
  }
  if (interaction.options.getSubcommandGroup() === 'feed') return runFeedAdmin(interaction, ctx);
  await runConfig(interaction, ctx);
}

async function runConfig(interaction: ChatInputCommandInteraction, ctx: BotContext) {
  const guildId = interaction.guildId ?? '';
  const subcommand = interaction.options.getSubcommand();
  const reply = (content: string, settings: GuildSettings) =>
    interaction.reply({
      content,
      embeds: [renderSettingsEmbed(settings, ctx.hasMessageContent())],
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  const change = changes[subcommand];
  if (!change) return void (await reply('', await ctx.settings.get(guildId)));
  const options = readOptions(interaction.options.data, ConfigOptions);
  const { apply, done } = change(options);
  const settings = await ctx.settings.update(guildId, apply);
  const warning =
    subcommand === 'auto-summarize' && options.enabled && !ctx.hasMessageContent()
      ? `\n⚠️ ${NEEDS_MESSAGE_CONTENT}`
      : '';
  ctx.logger.info({ guild: guildId, user: interaction.user.id, setting: subcommand }, 'guild setting changed');
  await reply(`${done}${warning}`, settings);
}

/** The `feed` option of remove, pause and resume: a followed feed's id or address, suggested as typed. */
function feedChoice(subcommand: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder {
  return subcommand.addStringOption((o) =>
    o
      .setName('feed')
      .setDescription('The feed’s id (see /sitrep feed list) or address')
      .setRequired(true)
      .setMaxLength(2048)
      .setAutocomplete(true),
  );
}

export const sitrep: ChatCommand = {
  kind: 'chat',
  anyChannel: true,
  data: new SlashCommandBuilder()
    .setName('sitrep')
    .setDescription('Sitrep settings for this server')
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommandGroup((group) =>
      group
        .setName('config')
        .setDescription('Show or change where and how Sitrep works here')
        .addSubcommand((s) => s.setName('show').setDescription('Show the current settings'))
        .addSubcommand((s) =>
          s
            .setName('allow-channel')
            .setDescription('Let Sitrep work in a channel (once any is allowed, only those)')
            .addChannelOption((o) => o.setName('channel').setDescription('The channel').setRequired(true)),
        )
        .addSubcommand((s) =>
          s
            .setName('disallow-channel')
            .setDescription('Remove a channel from the allowed list')
            .addChannelOption((o) => o.setName('channel').setDescription('The channel').setRequired(true)),
        )
        .addSubcommand((s) => s.setName('clear-channels').setDescription('Let Sitrep work in every channel'))
        .addSubcommand((s) =>
          s
            .setName('auto-summarize')
            .setDescription('Brief news links posted in a channel without a command')
            .addChannelOption((o) => o.setName('channel').setDescription('The channel').setRequired(true))
            .addBooleanOption((o) => o.setName('enabled').setDescription('On or off').setRequired(true)),
        )
        .addSubcommand((s) =>
          s
            .setName('claims-emoji')
            .setDescription('The reaction that asks for a claim list (default 🧾)')
            .addStringOption((o) => o.setName('emoji').setDescription('An emoji').setRequired(true).setMaxLength(64)),
        )
        .addSubcommand((s) =>
          s
            .setName('default-length')
            .setDescription('Length of briefs when not given')
            .addStringOption((o) =>
              o
                .setName('length')
                .setDescription('short, standard or detailed')
                .setRequired(true)
                .addChoices(
                  { name: 'short', value: 'short' },
                  { name: 'standard', value: 'standard' },
                  { name: 'detailed', value: 'detailed' },
                ),
            ),
        )
        .addSubcommand((s) =>
          s
            .setName('limits')
            .setDescription('Briefs per member and per server each hour, and the daily model-token budget')
            .addIntegerOption((o) =>
              o
                .setName('user-per-hour')
                .setDescription('Briefs one member may ask for per hour')
                .setMinValue(1)
                .setMaxValue(1_000),
            )
            .addIntegerOption((o) =>
              o
                .setName('guild-per-hour')
                .setDescription('Briefs the whole server may ask for per hour')
                .setMinValue(1)
                .setMaxValue(10_000),
            )
            .addIntegerOption((o) =>
              o
                .setName('daily-tokens')
                .setDescription('Model tokens per day; cached briefs are free')
                .setMinValue(0)
                .setMaxValue(100_000_000),
            )
            .addIntegerOption((o) =>
              o
                .setName('feed-posts-per-hour')
                .setDescription('Feed posts one channel may receive per hour; more wait for the next hour')
                .setMinValue(1)
                .setMaxValue(1_000),
            ),
        )
        .addSubcommand((s) =>
          s
            .setName('language')
            .setDescription('Language briefs are written in')
            .addStringOption((o) =>
              o.setName('code').setDescription('A language code such as en, fr, de').setRequired(true),
            ),
        ),
    )
    .addSubcommandGroup((group) =>
      group
        .setName('feed')
        .setDescription('News feeds whose new items Sitrep briefs into a channel')
        .addSubcommand((s) =>
          s
            .setName('add')
            .setDescription('Brief each new item of a feed (RSS, Atom, JSON Feed, or a site that announces one)')
            .addStringOption((o) =>
              o.setName('url').setDescription('The feed’s or the site’s address').setRequired(true).setMaxLength(2048),
            )
            .addChannelOption((o) =>
              o
                .setName('channel')
                .setDescription('Where the briefs go: a text, announcement or forum channel')
                .setRequired(true)
                .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum),
            )
            .addStringOption((o) =>
              o
                .setName('include')
                .setDescription('Only items with one of these words (comma-separated)')
                .setMaxLength(1_000),
            )
            .addStringOption((o) =>
              o
                .setName('exclude')
                .setDescription('No items with any of these words (comma-separated)')
                .setMaxLength(1_000),
            )
            .addRoleOption((o) => o.setName('mention').setDescription('A role to ping with each post'))
            .addStringOption((o) =>
              o
                .setName('length')
                .setDescription('How long the briefs are (default: the server setting)')
                .addChoices(
                  { name: 'short', value: 'short' },
                  { name: 'standard', value: 'standard' },
                  { name: 'detailed', value: 'detailed' },
                ),
            )
            .addIntegerOption((o) =>
              o
                .setName('digest-hour')
                .setDescription('Post one digest a day at this hour (UTC, 0-23) instead of each item')
                .setMinValue(0)
                .setMaxValue(23),
            ),
        )
        .addSubcommand((s) => s.setName('list').setDescription('The feeds followed here, with their ids'))
        .addSubcommand((s) => feedChoice(s.setName('remove').setDescription('Stop following a feed')))
        .addSubcommand((s) => feedChoice(s.setName('pause').setDescription('Stop posting from a feed for now')))
        .addSubcommand((s) =>
          feedChoice(s.setName('resume').setDescription('Post a paused feed’s new items again, from now on')),
        )
        .addSubcommand((s) =>
          s
            .setName('preview')
            .setDescription('The brief of a feed’s newest item, shown only to you')
            .addStringOption((o) =>
              o
                .setName('feed')
                .setDescription('A followed feed’s id, or any feed or site address')
                .setRequired(true)
                .setMaxLength(2048)
                .setAutocomplete(true),
            ),
        ),
    )
    .toJSON(),
  execute: runSitrep,
  autocomplete: autocompleteFeed,
};
