import { type AutocompleteInteraction, PermissionFlagsBits } from 'discord.js';
import { foldText } from '../../feeds/item-filter.js';
import type { BotContext } from '../bot-context.js';

/** Discord's limits for autocomplete: 25 choices, names of 100 characters. */
const MAX_CHOICES = 25;
const NAME_CHARS = 100;

/** The `feed` option's choices: the server's feeds whose id, title or address has what was typed. */
export async function autocompleteFeed(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return void (await interaction.respond([]));
  const typed = foldText(interaction.options.getFocused());
  const feeds = await ctx.feeds.list(interaction.guildId ?? '');
  const choices = feeds
    .filter((sub) => !typed || foldText(`${sub.id} ${sub.title} ${sub.feedUrl}`).includes(typed))
    .slice(0, MAX_CHOICES)
    .map((sub) => {
      const channel = interaction.guild?.channels.cache.get(sub.channelId)?.name ?? sub.channelId;
      const name = `${sub.id} · ${sub.title} · #${channel}${sub.paused ? ' (paused)' : ''}`;
      return { name: name.length > NAME_CHARS ? `${name.slice(0, NAME_CHARS - 1)}…` : name, value: sub.id };
    });
  await interaction.respond(choices);
}
