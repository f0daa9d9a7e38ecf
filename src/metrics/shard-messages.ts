import { z } from 'zod';
import { HealthSchema } from './health.js';

/**
 * What the shard manager and its shard processes say to each other over the IPC channel discord.js
 * opened, beside its own messages (theirs start with `_`).
 */
export const ShardAskSchema = z.object({ sitrepAsk: z.number().int(), what: z.enum(['health', 'metrics']) });
export type ShardAsk = z.infer<typeof ShardAskSchema>;

export const ShardAnswerSchema = z.union([
  z.object({ sitrepAnswer: z.number().int(), health: HealthSchema }),
  // prom-client's own JSON form of a registry (getMetricsAsJSON), merged by its AggregatorRegistry.
  z.object({ sitrepAnswer: z.number().int(), metrics: z.array(z.looseObject({ name: z.string() })) }),
]);
export type ShardAnswer = z.infer<typeof ShardAnswerSchema>;
