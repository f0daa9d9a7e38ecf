import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { UserError } from '../errors.js';
import type { RedisConnection } from '../store/redis-connection.js';

/** Limits are read per guild at each check, so limiters count without a ceiling of their own. */
const UNCAPPED = 1e12;
const HOUR_S = 60 * 60;
const DAY_S = 24 * HOUR_S;

interface BriefLimits {
  userBriefsPerHour: number;
  guildBriefsPerHour: number;
  dailyTokenBudget: number;
}

export interface UsageLimits {
  /** Counts one brief for the user and the guild, or refuses saying when to try again. */
  takeBrief(guildId: string, userId: string, limits: BriefLimits): Promise<void>;
  /** Null while the guild has model budget left today; otherwise why the offline engine stands in. */
  budgetExhausted(guildId: string, limits: BriefLimits): Promise<string | null>;
  spendTokens(guildId: string, tokens: number): Promise<void>;
  /** Counts one feed post in a channel; false (and nothing counted) when the hour's posts are used. */
  takeFeedPost(channelId: string, perHour: number): Promise<boolean>;
  /** Gives back a counted feed post that was not made (a duplicate, or a post that failed). */
  refundFeedPost(channelId: string): Promise<void>;
}

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/**
 * Per-user and per-guild brief rates and a per-guild daily model-token budget, counted by
 * rate-limiter-flexible: in memory by default, in Redis (shared by every process) when the store is.
 */
export function createUsageLimits(redis: RedisConnection | null): UsageLimits {
  // While Redis is down, each process counts on its own (the insurance limiter) rather than failing.
  const limiter = (keyPrefix: string, duration: number): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ keyPrefix, points: UNCAPPED, duration });
    return redis
      ? new RateLimiterRedis({
          storeClient: redis.client,
          useRedisPackage: true,
          rejectIfRedisNotReady: true,
          insuranceLimiter: memory,
          keyPrefix,
          points: UNCAPPED,
          duration,
        })
      : memory;
  };
  const perUser = limiter('sitrep-rl-user', HOUR_S);
  const perGuild = limiter('sitrep-rl-guild', HOUR_S);
  const tokens = limiter('sitrep-rl-tokens', DAY_S);
  const feedPosts = limiter('sitrep-rl-feed-posts', HOUR_S);

  return {
    async takeBrief(guildId, userId, limits) {
      const user = await perUser.consume(`${guildId}:${userId}`, 1);
      if (user.consumedPoints > limits.userBriefsPerHour) {
        await perUser.reward(`${guildId}:${userId}`, 1);
        throw new UserError(
          'RATE_LIMITED',
          `You can ask for ${limits.userBriefsPerHour} briefs an hour here; try again in ${minutes(user.msBeforeNext)} min.`,
        );
      }
      const guild = await perGuild.consume(guildId, 1);
      if (guild.consumedPoints > limits.guildBriefsPerHour) {
        await Promise.all([perGuild.reward(guildId, 1), perUser.reward(`${guildId}:${userId}`, 1)]);
        throw new UserError(
          'RATE_LIMITED',
          `This server has used its ${limits.guildBriefsPerHour} briefs for this hour; try again in ${minutes(guild.msBeforeNext)} min.`,
        );
      }
    },
    async budgetExhausted(guildId, limits) {
      const used = await tokens.get(guildId);
      if (!used || used.consumedPoints < limits.dailyTokenBudget) return null;
      return `daily model budget used; resets in ${Math.ceil(used.msBeforeNext / 3_600_000)} h`;
    },
    async spendTokens(guildId, spent) {
      if (spent > 0) await tokens.penalty(guildId, spent);
    },
    async takeFeedPost(channelId, perHour) {
      const taken = await feedPosts.consume(channelId, 1);
      if (taken.consumedPoints <= perHour) return true;
      await feedPosts.reward(channelId, 1);
      return false;
    },
    async refundFeedPost(channelId) {
      await feedPosts.reward(channelId, 1);
    },
  };
}
