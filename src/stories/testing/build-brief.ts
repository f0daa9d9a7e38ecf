import { type Brief, BriefSchema } from '../../brief/schema.js';

interface TestClaim {
  claimant: string;
  statement: string;
  quote?: string | null;
}

export interface TestBrief {
  key: string;
  title?: string | null;
  /** The article's opening (the brief's excerpt). */
  text?: string;
  outlet?: string | null;
  domain?: string | null;
  country?: string | null;
  kind?: string | null;
  publishedAt?: string | null;
  createdAt?: string;
  summary?: string[];
  claims?: TestClaim[];
}

/**
 * A valid Brief from the few fields a story test cares about. Claims with a quote are grounded
 * when the quote occurs in the text, as the pipeline's check would mark them.
 */
export function buildBrief(spec: TestBrief): Brief {
  const text = spec.text ?? '';
  const claims = (spec.claims ?? []).map((c, i) => {
    const quote = c.quote ?? null;
    const at = quote ? text.indexOf(quote) : -1;
    return {
      id: `c${i + 1}`,
      claimant: { name: c.claimant, role: null },
      statement: c.statement,
      quote,
      kind: 'fact',
      attribution: quote ? 'direct_quote' : 'paraphrase',
      checkable: true,
      grounded: quote ? at >= 0 : null,
      quoteSpan: quote && at >= 0 ? { start: at, end: at + quote.length } : null,
    };
  });
  return BriefSchema.parse({
    article: {
      url: spec.domain ? `https://${spec.domain}/news/${spec.key}` : null,
      canonicalUrl: null,
      title: spec.title ?? null,
      outlet: spec.outlet ?? null,
      domain: spec.domain ?? null,
      byline: null,
      publishedAt: spec.publishedAt ?? null,
      language: 'en',
      wordCount: text.split(/\s+/).filter(Boolean).length,
      truncated: false,
      excerpt: text.slice(0, 1_500),
    },
    summary: { headline: spec.title ?? 'Untitled', sentences: spec.summary ?? [text.slice(0, 200) || 'Nothing.'] },
    claims,
    sourceNote: {
      outlet: {
        name: spec.outlet ?? null,
        domain: spec.domain ?? null,
        country: spec.country ?? null,
        kind: spec.kind ?? null,
        owner: null,
        inRegistry: Boolean(spec.country),
      },
      quoted: [],
      independentSources: 0,
      unverified: [],
      loadedTerms: [],
      caveats: [],
    },
    meta: {
      engine: 'offline',
      model: null,
      promptVersion: 'test',
      fallbackReason: null,
      inputTokens: 0,
      outputTokens: 0,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      repairRounds: 0,
      groundingRate: null,
      // Made an hour after publication unless told otherwise.
      createdAt:
        spec.createdAt ??
        new Date(
          (spec.publishedAt ? Date.parse(spec.publishedAt) : Date.parse('2026-11-20T12:00:00Z')) + 3_600_000,
        ).toISOString(),
      cacheKey: spec.key,
      length: 'standard',
      language: 'en',
    },
  });
}
