import { z } from 'zod';
import { BriefLengthSchema, ClaimDraftSchema, SummarySchema } from './draft-schema.js';
import { ENGINE_NAMES } from './engines/registry.js';

// The engines' part of the brief lives in draft-schema.ts; it is re-exported so that every other
// module finds the whole brief here. Engines import draft-schema.ts directly (no import cycle).
export {
  type BriefDraft,
  BriefDraftSchema,
  type BriefLength,
  BriefLengthSchema,
} from './draft-schema.js';

export const EngineChoiceSchema = z.enum(['auto', ...ENGINE_NAMES]);
export type EngineChoice = z.infer<typeof EngineChoiceSchema>;

/** BCP 47-ish language tag for the brief's own text, e.g. `en`, `fr`, `pt-BR`. */
export const LanguageSchema = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language code such as en or fr');

export const BriefRequestSchema = z.object({
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('url'), url: z.string().min(1).max(2048) }),
    z.object({
      kind: z.literal('text'),
      text: z.string().min(1),
      title: z.string().optional(),
      /** Where the text was published (a feed item's link): its domain names the outlet. */
      url: z.string().max(2048).optional(),
    }),
    z.object({ kind: z.literal('html'), html: z.string().min(1), url: z.string().nullable().default(null) }),
  ]),
  length: BriefLengthSchema.default('standard'),
  language: LanguageSchema.default('en'),
  engine: EngineChoiceSchema.optional(),
  bypassCache: z.boolean().default(false),
});
export type BriefRequest = z.input<typeof BriefRequestSchema>;
export type ParsedBriefRequest = z.output<typeof BriefRequestSchema>;

const ArticleSchema = z.object({
  url: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  domain: z.string().nullable(),
  byline: z.string().nullable(),
  publishedAt: z.string().nullable(),
  language: z.string().nullable(),
  wordCount: z.number().int().nonnegative(),
  /** True when the text was cut to the model's input cap. */
  truncated: z.boolean(),
  /** The beginning of the text the brief was made from, so a reader can check the brief against it. */
  excerpt: z.string().default(''),
});
export type ArticleMeta = z.infer<typeof ArticleSchema>;

const ClaimSchema = ClaimDraftSchema.extend({
  id: z.string(),
  /** Whether the quote occurs in the article: null when the engine offered no quote. */
  grounded: z.boolean().nullable(),
  quoteSpan: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
});
export type Claim = z.infer<typeof ClaimSchema>;

const OutletProfileSchema = z.object({
  name: z.string().nullable(),
  domain: z.string().nullable(),
  country: z.string().nullable(),
  kind: z.string().nullable(),
  owner: z.string().nullable(),
  inRegistry: z.boolean(),
});

const SourceNoteSchema = z.object({
  /** Whose story it is: the publishing site, or the wire when the text is a wire's copy. */
  outlet: OutletProfileSchema,
  /** When the story is a wire's copy carried by another site: that site (and `outlet` is the wire). */
  carriedBy: OutletProfileSchema.nullable().default(null),
  /** What in the text says it is wire copy, e.g. `dateline: KYIV (Reuters) -`. */
  wireEvidence: z.string().nullable().default(null),
  quoted: z.array(z.object({ name: z.string(), role: z.string().nullable(), claims: z.number().int() })),
  independentSources: z.number().int().nonnegative(),
  unverified: z.array(z.string()),
  loadedTerms: z.array(z.object({ term: z.string(), category: z.string(), context: z.string() })),
  caveats: z.array(z.string()),
});
export type SourceNote = z.infer<typeof SourceNoteSchema>;

export const EngineNameSchema = z.enum(ENGINE_NAMES);

const MetaSchema = z.object({
  engine: EngineNameSchema,
  model: z.string().nullable(),
  promptVersion: z.string(),
  /** Why the offline engine stood in for the model, when it did. */
  fallbackReason: z.string().nullable(),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheReadTokens: z.number().int().nonnegative(),
  cacheWriteTokens: z.number().int().nonnegative(),
  repairRounds: z.number().int().nonnegative(),
  groundingRate: z.number().min(0).max(1).nullable(),
  createdAt: z.string(),
  cacheKey: z.string(),
  length: BriefLengthSchema,
  language: z.string(),
});

export const BriefSchema = z.object({
  article: ArticleSchema,
  summary: SummarySchema,
  claims: z.array(ClaimSchema),
  sourceNote: SourceNoteSchema,
  meta: MetaSchema,
});
export type Brief = z.infer<typeof BriefSchema>;

/** What acquisition hands to the engines: the article text and what is known about it. */
export const ExtractedArticleSchema = z.object({
  url: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  outlet: z.string().nullable(),
  domain: z.string().nullable(),
  publishedAt: z.string().nullable(),
  language: z.string().nullable(),
  text: z.string(),
  /** Share of the text that sits inside links: high on lists of headlines, low in articles. */
  linkTextShare: z.number().min(0).max(1).default(0),
});
export type ExtractedArticle = z.infer<typeof ExtractedArticleSchema>;
