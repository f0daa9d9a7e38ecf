import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext } from './bot-context.js';

/** A slash command module: its definition (as sent to Discord) and its handler. */
export interface ChatCommand {
  kind: 'chat';
  data: RESTPostAPIApplicationCommandsJSONBody & { name: string };
  /** Admin commands answer in any channel; the rest respect the guild's allowed channels. */
  anyChannel?: boolean;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  /** Suggests values for an option marked with autocomplete. */
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}

export interface MessageCommand {
  kind: 'message';
  data: RESTPostAPIApplicationCommandsJSONBody & { name: string };
  execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void>;
}

export type Command = ChatCommand | MessageCommand;
