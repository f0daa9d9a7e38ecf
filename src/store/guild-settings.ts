import { z } from 'zod';
import { BriefLengthSchema, LanguageSchema } from '../brief/schema.js';
import type { Store } from './open-store.js';

export const GuildSettingsSchema = z.object({
  /** Channels the bot answers in; empty means everywhere. */
  allowedChannels: z.array(z.string()).default([]),
  /** Channels where a posted news link gets a brief without a command. */
  autoSummarizeChannels: z.array(z.string()).default([]),
  claimsEmoji: z.string().min(1).max(64).default('🧾'),
  defaultLength: BriefLengthSchema.default('standard'),
  language: LanguageSchema.default('en'),
  userBriefsPerHour: z.number().int().min(1).max(1_000).default(10),
  guildBriefsPerHour: z.number().int().min(1).max(10_000).default(100),
  /** Model tokens (input and output) a guild may spend per day; cached answers cost nothing. */
  dailyTokenBudget: z.number().int().min(0).max(100_000_000).default(500_000),
});
export type GuildSettings = z.infer<typeof GuildSettingsSchema>;

export const DEFAULT_GUILD_SETTINGS: GuildSettings = GuildSettingsSchema.parse({});

export interface GuildSettingsStore {
  get(guildId: string): Promise<GuildSettings>;
  update(guildId: string, change: (current: GuildSettings) => GuildSettings): Promise<GuildSettings>;
}

/** Per-guild settings in the shared store, read on every event so a change applies at once. */
export function createGuildSettingsStore(store: Store): GuildSettingsStore {
  const get = async (guildId: string) => {
    const parsed = GuildSettingsSchema.safeParse((await store.keyv.get(`guild:${guildId}`)) ?? {});
    return parsed.success ? parsed.data : DEFAULT_GUILD_SETTINGS;
  };
  return {
    get,
    async update(guildId, change) {
      const next = GuildSettingsSchema.parse(change(await get(guildId)));
      await store.keyv.set(`guild:${guildId}`, next);
      return next;
    },
  };
}
