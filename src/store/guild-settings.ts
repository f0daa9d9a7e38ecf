import { z } from 'zod';
import { BriefLengthSchema, LanguageSchema } from '../brief/schema.js';
import type { Store } from './open-store.js';

const GuildSettingsSchema = z.object({
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
  /** Feed posts one channel may receive per hour; items beyond wait for the next hour. */
  feedPostsPerHour: z.number().int().min(1).max(1_000).default(20),
});
export type GuildSettings = z.infer<typeof GuildSettingsSchema>;

export const DEFAULT_GUILD_SETTINGS: GuildSettings = GuildSettingsSchema.parse({});

export interface GuildSettingsStore {
  get(guildId: string): Promise<GuildSettings>;
  update(guildId: string, change: (current: GuildSettings) => GuildSettings): Promise<GuildSettings>;
}

/** How long a guild's settings are reused in this process before the store is read again. */
const SETTINGS_TTL_MS = 1_000;

/**
 * Per-guild settings in the shared store. Reads are kept for a second and shared while in flight,
 * so a burst of interactions costs one store read rather than one each before Discord's 3 s
 * deadline; a change made here is seen at once, a change made by another process within the TTL.
 */
export function createGuildSettingsStore(store: Store, ttlMs = SETTINGS_TTL_MS): GuildSettingsStore {
  const recent = new Map<string, { value: Promise<GuildSettings>; until: number }>();
  const read = async (guildId: string) => {
    const parsed = GuildSettingsSchema.safeParse((await store.keyv.get(`guild:${guildId}`)) ?? {});
    return parsed.success ? parsed.data : DEFAULT_GUILD_SETTINGS;
  };
  const get = (guildId: string) => {
    const hit = recent.get(guildId);
    if (hit && (hit.until > Date.now() || ttlMs === 0)) return hit.value;
    const value = read(guildId);
    // With no TTL the entry only shares a read in flight, and is dropped when it settles.
    if (ttlMs === 0) value.finally(() => recent.delete(guildId)).catch(() => {});
    if (recent.size > 10_000) for (const [id, entry] of recent) if (entry.until <= Date.now()) recent.delete(id);
    recent.set(guildId, { value, until: Date.now() + ttlMs });
    value.catch(() => recent.delete(guildId));
    return value;
  };
  return {
    get,
    async update(guildId, change) {
      const next = GuildSettingsSchema.parse(change(await read(guildId)));
      await store.keyv.set(`guild:${guildId}`, next);
      if (ttlMs > 0) recent.set(guildId, { value: Promise.resolve(next), until: Date.now() + ttlMs });
      return next;
    },
  };
}
