/**
 * What Sitrep needs to know about Claude models: the shortest prefix the API will cache (below it,
 * nothing is cached and nothing says so) and the price per million tokens. Checked 2026-11-29 against
 * Anthropic's documentation and users' measurements; a model not listed is treated as the strictest.
 */
export interface ClaudeModelFacts {
  minCacheablePrefixTokens: number;
  /** Dollars per million input and output tokens, when known. */
  price: { input: number; output: number } | null;
}

const MODELS: [prefix: string, facts: ClaudeModelFacts][] = [
  ['claude-haiku-4-5', { minCacheablePrefixTokens: 4_096, price: { input: 1, output: 5 } }],
  ['claude-sonnet-4-6', { minCacheablePrefixTokens: 2_048, price: { input: 3, output: 15 } }],
  ['claude-sonnet-4-5', { minCacheablePrefixTokens: 1_024, price: { input: 3, output: 15 } }],
  ['claude-opus-4-6', { minCacheablePrefixTokens: 4_096, price: null }],
  ['claude-opus-4-5', { minCacheablePrefixTokens: 4_096, price: null }],
];

const UNKNOWN: ClaudeModelFacts = { minCacheablePrefixTokens: 4_096, price: null };

/** Cache reads cost a tenth of input; writes 1.25× for the 5-minute cache, 2× for the 1-hour one. */
export const CACHE_PRICE_FACTORS = { read: 0.1, write5m: 1.25, write1h: 2 } as const;

/** Facts for a model id, dated ids included (`claude-haiku-4-5-20251001` is Haiku 4.5). */
export function claudeModelFacts(model: string): ClaudeModelFacts {
  return MODELS.find(([prefix]) => model.startsWith(prefix))?.[1] ?? UNKNOWN;
}
