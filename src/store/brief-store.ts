import type { BriefCache } from '../brief/ports.js';
import { type Brief, BriefSchema, ExtractedArticleSchema } from '../brief/schema.js';
import type { Logger } from '../logger.js';
import type { Store } from './open-store.js';

const BRIEF_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const ARTICLE_TTL_MS = 60 * 60 * 1000;

/** The pipeline's cache, plus what the Discord doors keep about briefs they showed. */
export interface BriefStore extends BriefCache {
  /** A brief as it was shown (model-made or stand-in), for buttons and reactions on its message. */
  getShownBrief(key: string): Promise<Brief | undefined>;
  setShownBrief(brief: Brief): Promise<void>;
  /** Records that an event was answered; false when it already was (within the TTL). */
  markAnswered(key: string, ttlMs: number): Promise<boolean>;
}

/**
 * Briefs are kept a month (their key changes with prompt or model), fetched articles an hour (pages
 * change). What comes back is validated: a stale or damaged entry is a miss, not a crash.
 */
export function createBriefStore(store: Store, logger: Logger): BriefStore {
  const read = async <T>(
    key: string,
    schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  ) => {
    try {
      const value = await store.keyv.get(key);
      if (value === undefined) return undefined;
      const parsed = schema.safeParse(value);
      return parsed.success ? parsed.data : undefined;
    } catch (error) {
      logger.warn({ err: error, key }, 'cache read failed; treating as a miss');
      return undefined;
    }
  };
  const write = async (key: string, value: unknown, ttl: number) => {
    try {
      await store.keyv.set(key, value, ttl);
    } catch (error) {
      logger.warn({ err: error, key }, 'cache write failed; the result is served uncached');
    }
  };
  return {
    getBrief: (key) => read(`brief:${key}`, BriefSchema),
    setBrief: (key, brief) => write(`brief:${key}`, brief, BRIEF_TTL_MS),
    getShownBrief: async (key) => (await read(`shown:${key}`, BriefSchema)) ?? read(`brief:${key}`, BriefSchema),
    // Model-made briefs are already under `brief:`; only stand-in briefs need a copy of their own.
    setShownBrief: (brief) =>
      brief.meta.fallbackReason ? write(`shown:${brief.meta.cacheKey}`, brief, BRIEF_TTL_MS) : Promise.resolve(),
    async markAnswered(key, ttlMs) {
      if (await store.keyv.has(`answered:${key}`)) return false;
      await write(`answered:${key}`, true, ttlMs);
      return true;
    },
    getArticle: (url) => read(`article:${url}`, ExtractedArticleSchema),
    setArticle: (url, article) => write(`article:${url}`, article, ARTICLE_TTL_MS),
  };
}
