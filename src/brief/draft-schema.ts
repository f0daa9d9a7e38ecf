/**
 * What an engine writes: the part of a brief that comes from the model or the offline extractor.
 * Kept apart from the full brief (schema.ts) so that the engines depend on nothing but this.
 */
import { z } from 'zod';

/** How long a brief should be; it sets the number of summary sentences and claims. */
export const BriefLengthSchema = z.enum(['short', 'standard', 'detailed']);
export type BriefLength = z.infer<typeof BriefLengthSchema>;

const ClaimKindSchema = z.enum(['fact', 'forecast', 'evaluation', 'threat', 'policy']);
const AttributionSchema = z.enum(['direct_quote', 'paraphrase', 'outlet_voice']);

const ClaimantSchema = z.object({
  name: z
    .string()
    .min(1)
    .max(120)
    .describe('Who makes the claim, as named in the article; the outlet name for its own voice'),
  role: z.string().max(160).nullable().describe('Their title or role as the article gives it, or null'),
});

/** The part of a claim the engine writes; the checker adds id and grounding. */
export const ClaimDraftSchema = z.object({
  claimant: ClaimantSchema,
  statement: z
    .string()
    .min(1)
    .max(400)
    .describe('Neutral paraphrase that attributes: "X said ...". No loaded words outside quotation marks.'),
  quote: z
    .string()
    .max(600)
    .nullable()
    .describe('An exact, verbatim span copied from the article supporting the claim, or null'),
  kind: ClaimKindSchema,
  attribution: AttributionSchema,
  checkable: z.boolean().describe('Could an independent source confirm or refute this?'),
});

export const SummarySchema = z.object({
  headline: z.string().min(1).max(200).describe('Neutral headline that attributes any claim in it'),
  sentences: z
    .array(z.string().min(1).max(400))
    .min(1)
    .max(8)
    .describe('3 to 6 short neutral sentences; every claim attributed to whoever makes it'),
});

/** What the engine (model or offline) produces; its JSON Schema is the model's output format. */
export const BriefDraftSchema = z.object({
  summary: SummarySchema,
  claims: z.array(ClaimDraftSchema).max(25),
  unverified: z
    .array(z.string().max(300))
    .max(10)
    .describe('Points the article asserts that no independent source in it confirms'),
  caveats: z.array(z.string().max(300)).max(10).describe('What a careful reader should keep in mind'),
});
export type BriefDraft = z.infer<typeof BriefDraftSchema>;
