import { claimKind } from './claim-kind.js';
import { resolved } from './discourse.js';
import type { Candidate } from './find-claims.js';

/** In a defense brief what a party threatens, commits to or expects matters more than its account of the past. */
const KIND_WEIGHT: Partial<Record<ReturnType<typeof claimKind>, number>> = { threat: 0.3, policy: 0.2, forecast: 0.1 };

/**
 * How much a claim belongs in a short brief: someone's own words first, then named speakers, then
 * unnamed ones, the outlet's own voice last; within a rank, the more central sentence, threats,
 * stated policies and forecasts a little higher; a point made in passing (", adding that …") below the main one.
 */
function rank(c: Candidate, centrality: number[]): number {
  const speaker = c.speaker ? resolved(c.speaker) : null;
  const base = !speaker ? 0 : c.quote ? 3 : speaker.kind === 'person' || speaker.kind === 'org' ? 2 : 1.5;
  return (
    base + Math.max(0, centrality[c.index] ?? 0) + (KIND_WEIGHT[claimKind(c.statement)] ?? 0) - (c.secondary ? 0.75 : 0)
  );
}

const SUBSTANTIVE_WORDS = 12;

/**
 * The claims a brief of `limit` claims keeps, in article order: each speaker's best claim first (so
 * no side goes unheard), then the best of the rest, with a quarter of the slots at most (and at
 * least one, when it says something of substance) for what the outlet says in its own voice.
 */
export function chooseClaims(candidates: Candidate[], centrality: number[], limit: number): Candidate[] {
  const byRank = [...candidates].sort((a, b) => rank(b, centrality) - rank(a, centrality));
  const spoken = byRank.filter((c) => c.speaker);
  const ownVoice = byRank.filter((c) => !c.speaker);
  const outletSlots = Math.min(ownVoice.length, Math.max(1, Math.floor(limit / 4)));
  // A slot is kept for the outlet's own voice only when it says something of substance there.
  const substantive = ownVoice.some((c) => c.statement.split(/\s+/).length >= SUBSTANTIVE_WORDS);
  const forSpeakers = limit - (substantive ? 1 : 0);

  const chosen = new Set<Candidate>();
  const heard = new Set<unknown>();
  for (const c of spoken) {
    const who = resolved(c.speaker as NonNullable<Candidate['speaker']>);
    if (chosen.size < forSpeakers && !heard.has(who)) {
      heard.add(who);
      chosen.add(c);
    }
  }
  for (const c of spoken) if (chosen.size < forSpeakers) chosen.add(c);
  const room = Math.min(outletSlots, limit - chosen.size);
  for (const c of ownVoice.slice(0, Math.max(0, room))) chosen.add(c);
  return [...chosen].sort((a, b) => a.index - b.index || a.part - b.part);
}
