import type { BriefResult, ModelHooks, OnStage } from '../../brief/make-brief.js';
import { makeBrief } from '../../brief/make-brief.js';
import type { BriefLength, BriefRequest } from '../../brief/schema.js';
import { UserError, userMessageFor } from '../../errors.js';
import { outcomeOf } from '../../metrics/bot-metrics.js';
import type { GuildSettings } from '../../store/guild-settings.js';
import type { BotContext } from '../bot-context.js';
import { fileIntoStory } from '../stories/file-into-story.js';
import type { StoryPlace } from '../stories/story-place.js';

/** Every way a brief is asked for in Discord; logs and metrics are labelled with it. */
export type DoorName = 'summarize' | 'context-menu' | 'reaction' | 'auto-summarize' | 'feed' | 'compare';

export interface DoorAsk {
  door: DoorName;
  guildId: string;
  /** The member who asked, counted against their hourly limit; null when nobody did (a feed). */
  userId: string | null;
  settings: GuildSettings;
  source: BriefRequest['source'];
  /** Defaults to the server's length. */
  length?: BriefLength | undefined;
}

/** A brief as a door shows it: with its story, or null when it could not be filed into one. */
export interface DoorBrief extends BriefResult {
  story: StoryPlace | null;
}

/** What a door may watch while its brief is made. */
export interface DoorStages {
  /** Runs once the limits let the brief through, before any slow work (an interaction defers here). */
  accepted?(): Promise<unknown>;
  progress?: OnStage;
}

/** How a door talks back: each door says how it acknowledges, shows progress, the brief and a failure. */
export interface DoorIo extends DoorStages {
  deliver(result: DoorBrief): Promise<unknown>;
  /** Shows the one sentence a user may see for the failure; the error tells a refusal (UserError) from a fault. */
  fail(sentence: string, error: unknown): Promise<unknown>;
}

/** The server's daily model budget as the gate of any model call a door makes, and its spending. */
export function budgetHooks(ctx: BotContext, guildId: string, settings: GuildSettings): ModelHooks {
  return {
    modelGate: () => ctx.limits.budgetExhausted(guildId, settings),
    onModelUsage: (tokens) => ctx.limits.spendTokens(guildId, tokens),
  };
}

/**
 * The brief part of every door: the member's and the server's hourly limits, the server's length and
 * language, the server's daily model budget as the gate, the shown brief kept for its buttons, and
 * the brief filed into its story. Throws a refusal (UserError) or a fault; see runDoor.
 */
export async function briefThroughDoor(ctx: BotContext, ask: DoorAsk, stages: DoorStages = {}): Promise<DoorBrief> {
  if (ask.userId) await ctx.limits.takeBrief(ask.guildId, ask.userId, ask.settings);
  await stages.accepted?.();
  const result = await makeBrief(
    { source: ask.source, length: ask.length ?? ask.settings.defaultLength, language: ask.settings.language },
    ctx.pipeline,
    stages.progress,
    budgetHooks(ctx, ask.guildId, ask.settings),
  );
  await ctx.briefs.setShownBrief(result.brief);
  return { ...result, story: await fileIntoStory(ctx, result.brief) };
}

/** Counts and logs how a door's brief ended: delivered, or the error that stopped it. */
export function recordDoor(ctx: BotContext, ask: DoorAsk, started: number, ended: DoorBrief | { error: unknown }) {
  const context = { door: ask.door, guild: ask.guildId, user: ask.userId };
  if ('error' in ended) {
    ctx.metrics.door(ask.door, outcomeOf(ended.error), Date.now() - started);
    if (ended.error instanceof UserError) ctx.logger.info({ ...context, code: ended.error.code }, 'brief refused');
    else ctx.logger.error({ ...context, err: ended.error }, 'brief failed');
    return;
  }
  const engine = ended.brief.meta.engine;
  ctx.metrics.door(ask.door, { outcome: 'delivered', engine }, Date.now() - started);
  ctx.logger.info(
    { ...context, ms: Date.now() - started, engine, fromCache: ended.fromCache, story: ended.story?.storyId },
    'brief delivered',
  );
}

/**
 * The one path every Discord door takes to a brief (see briefThroughDoor), and one place where a
 * failure is logged with its context and answered with one sentence. Returns the result, or null
 * when the door was told of a failure.
 */
export async function runDoor(ctx: BotContext, ask: DoorAsk, io: DoorIo): Promise<DoorBrief | null> {
  const started = Date.now();
  try {
    const result = await briefThroughDoor(ctx, ask, io);
    await io.deliver(result);
    recordDoor(ctx, ask, started, result);
    return result;
  } catch (error) {
    recordDoor(ctx, ask, started, { error });
    await io.fail(userMessageFor(error), error).catch((replyError: unknown) => {
      ctx.logger.warn(
        { door: ask.door, guild: ask.guildId, user: ask.userId, err: replyError },
        'could not deliver the failure',
      );
    });
    return null;
  }
}
