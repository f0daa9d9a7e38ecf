import { type BriefResult, makeBrief, type OnStage } from '../brief/make-brief.js';
import type { BriefRequest } from '../brief/schema.js';
import type { GuildSettings } from '../store/guild-settings.js';
import type { BotContext } from './bot-context.js';

/**
 * A brief asked for by a member: counted against their and their server's hourly limits first,
 * then made with the server's daily model budget as the gate (cached answers cost nothing).
 */
export async function briefForMember(
  ctx: BotContext,
  who: { guildId: string; userId: string; settings: GuildSettings },
  request: BriefRequest,
  onStage?: OnStage,
): Promise<BriefResult> {
  const result = await makeBrief(request, ctx.pipeline, onStage, {
    modelGate: () => ctx.limits.budgetExhausted(who.guildId, who.settings),
    onModelUsage: (tokens) => ctx.limits.spendTokens(who.guildId, tokens),
  });
  await ctx.briefs.setShownBrief(result.brief);
  return result;
}
