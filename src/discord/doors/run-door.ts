import type { BriefResult, OnStage } from '../../brief/make-brief.js';
import { makeBrief } from '../../brief/make-brief.js';
import type { BriefLength, BriefRequest } from '../../brief/schema.js';
import { UserError, userMessageFor } from '../../errors.js';
import { outcomeOf } from '../../metrics/bot-metrics.js';
import type { GuildSettings } from '../../store/guild-settings.js';
import type { BotContext } from '../bot-context.js';

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

/** How a door talks back: each door says how it acknowledges, shows progress, the brief and a failure. */
export interface DoorIo {
  /** Runs once the limits let the brief through, before any slow work (an interaction defers here). */
  accepted?(): Promise<unknown>;
  progress?: OnStage;
  deliver(result: BriefResult): Promise<unknown>;
  /** Shows the one sentence a user may see for the failure; the error tells a refusal (UserError) from a fault. */
  fail(sentence: string, error: unknown): Promise<unknown>;
}

/**
 * The one path every Discord door takes to a brief: the member's and the server's hourly limits,
 * the server's length and language, the server's daily model budget as the gate, the shown brief
 * kept for its buttons, and one place where a failure is logged with its context and answered with
 * one sentence. Returns the result, or null when the door was told of a failure.
 */
export async function runDoor(ctx: BotContext, ask: DoorAsk, io: DoorIo): Promise<BriefResult | null> {
  const context = { door: ask.door, guild: ask.guildId, user: ask.userId };
  const started = Date.now();
  try {
    if (ask.userId) await ctx.limits.takeBrief(ask.guildId, ask.userId, ask.settings);
    await io.accepted?.();
    const result = await makeBrief(
      { source: ask.source, length: ask.length ?? ask.settings.defaultLength, language: ask.settings.language },
      ctx.pipeline,
      io.progress,
      {
        modelGate: () => ctx.limits.budgetExhausted(ask.guildId, ask.settings),
        onModelUsage: (tokens) => ctx.limits.spendTokens(ask.guildId, tokens),
      },
    );
    await ctx.briefs.setShownBrief(result.brief);
    await io.deliver(result);
    ctx.metrics.door(ask.door, { outcome: 'delivered', engine: result.brief.meta.engine }, Date.now() - started);
    ctx.logger.info(
      { ...context, ms: Date.now() - started, engine: result.brief.meta.engine, fromCache: result.fromCache },
      'brief delivered',
    );
    return result;
  } catch (error) {
    ctx.metrics.door(ask.door, outcomeOf(error), Date.now() - started);
    if (error instanceof UserError) ctx.logger.info({ ...context, code: error.code }, 'brief refused');
    else ctx.logger.error({ ...context, err: error }, 'brief failed');
    await io.fail(userMessageFor(error), error).catch((replyError: unknown) => {
      ctx.logger.warn({ ...context, err: replyError }, 'could not deliver the failure');
    });
    return null;
  }
}
