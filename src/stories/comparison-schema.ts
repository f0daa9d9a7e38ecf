import { z } from 'zod';
import { EngineNameSchema } from '../brief/schema.js';

/** The outlet a piece of wire copy comes from, when another site carries it: the wire is the source. */
const OriginSchema = z.object({
  outlet: z.string().min(1),
  country: z.string().nullable(),
  kind: z.string().nullable(),
});
export type Origin = z.infer<typeof OriginSchema>;

const ComparisonMemberSchema = z.object({
  /** The brief's cache key (meta.cacheKey): doors map it back to their own input. */
  key: z.string().min(1),
  outlet: z.string().nullable(),
  domain: z.string().nullable(),
  country: z.string().nullable(),
  kind: z.string().nullable(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  origin: OriginSchema.nullable().default(null),
});
export type ComparisonMember = z.infer<typeof ComparisonMemberSchema>;

export const PointStatusSchema = z.enum(['conflict', 'agree', 'one_side']);
export type PointStatus = z.infer<typeof PointStatusSchema>;

const SideSchema = z.object({
  /** The member's key: every side names the brief it comes from. */
  member: z.string().min(1),
  claimant: z.string().min(1),
  /** Attributed and neutral: a claim's statement, or the outlet's own sentence inside quotation marks. */
  statement: z.string().min(1),
  /** Verbatim from that member's article, or null. */
  quote: z.string().nullable(),
  /** A claim of the brief, or a sentence of the article's opening that no claim covers. */
  from: z.enum(['claim', 'article']),
});
export type Side = z.infer<typeof SideSchema>;

const PointSchema = z.object({
  /** A short neutral label in our own words (and names as the articles write them). */
  subject: z.string().min(1).max(160),
  status: PointStatusSchema,
  sides: z.array(SideSchema).min(1),
  /** For a conflict, what differs, in neutral words ("different counts of aircraft: 32; about 20"). */
  note: z.string().nullable(),
});
export type Point = z.infer<typeof PointSchema>;

const CoveringOutletSchema = z.object({
  name: z.string(),
  country: z.string().nullable(),
  kind: z.string().nullable(),
  /** Member keys whose copy comes from this outlet (its own site, or sites carrying it). */
  members: z.array(z.string()).min(1),
  /** Other sites that carried this outlet's copy. */
  carriedBy: z.array(z.string()),
});

const CoverageSchema = z.object({
  /** Each source once: a wire carried by three sites is one outlet. */
  outlets: z.array(CoveringOutletSchema),
  countries: z.array(z.string()),
  kinds: z.array(z.string()),
  /** Countries the story's articles are about (named in most of them). */
  about: z.array(z.string()),
  /** Facts of coverage, in sentences: sides not heard from so far, no wire service. Never a judgement of an outlet. */
  missing: z.array(z.string()),
});
export type Coverage = z.infer<typeof CoverageSchema>;

export const ComparisonSchema = z.object({
  members: z.array(ComparisonMemberSchema).min(1),
  /** Conflicts first, then agreements, then what one outlet alone reports. */
  points: z.array(PointSchema),
  coverage: CoverageSchema,
  /** The engine that aligned the points (a name in the engine registry). */
  engine: EngineNameSchema,
  /** Why the offline comparison stood in for the model's, when it did. */
  fallbackReason: z.string().nullable().default(null),
});
export type Comparison = z.infer<typeof ComparisonSchema>;
