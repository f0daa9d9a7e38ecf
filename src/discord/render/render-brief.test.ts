import { describe, expect, it } from 'vitest';
import type { Brief } from '../../brief/schema.js';
import { embedSize, LIMITS } from './discord-text.js';
import { renderBriefMessage } from './render-brief.js';
import { renderClaimsEmbeds, renderReadEmbed, renderSourceNoteEmbed } from './render-claims.js';

const long = (n: number) => 'word '.repeat(n / 5).trim();

function hugeBrief(): Brief {
  return {
    article: {
      url: `https://example.com/${'a'.repeat(600)}`,
      canonicalUrl: null,
      title: long(500),
      outlet: long(300),
      domain: 'example.com',
      byline: long(300),
      publishedAt: '2026-11-20T00:00:00.000Z',
      language: 'en',
      wordCount: 99999,
      truncated: true,
      excerpt: long(1_500),
    },
    summary: { headline: long(200), sentences: Array.from({ length: 8 }, () => long(400)) },
    claims: Array.from({ length: 25 }, (_, i) => ({
      id: `c${i + 1}`,
      claimant: { name: long(120), role: long(160) },
      statement: long(400),
      quote: long(600),
      kind: 'threat' as const,
      attribution: 'direct_quote' as const,
      checkable: true,
      grounded: i % 2 === 0,
      quoteSpan: null,
    })),
    sourceNote: {
      outlet: { name: long(300), domain: 'example.com', country: null, kind: null, owner: null, inRegistry: false },
      carriedBy: { name: long(300), domain: 'example.org', country: null, kind: null, owner: null, inRegistry: false },
      wireEvidence: long(200),
      quoted: Array.from({ length: 25 }, () => ({ name: long(120), role: long(160), claims: 1 })),
      independentSources: 25,
      unverified: Array.from({ length: 10 }, () => long(300)),
      loadedTerms: [],
      caveats: Array.from({ length: 10 }, () => long(300)),
    },
    meta: {
      engine: 'anthropic',
      model: 'claude-haiku-4-5',
      promptVersion: 'p',
      fallbackReason: null,
      inputTokens: 1,
      outputTokens: 1,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      repairRounds: 0,
      groundingRate: 0.5,
      createdAt: '2026-11-28T00:00:00.000Z',
      cacheKey: 'f'.repeat(64),
      length: 'detailed',
      language: 'en',
    },
  };
}

describe('rendering near every Discord limit', () => {
  const brief = hugeBrief();

  it('keeps the brief message within title, description, field, footer and total limits', () => {
    const { embeds, components } = renderBriefMessage(brief, false);
    const [embed] = embeds;
    expect(embed?.title?.length).toBeLessThanOrEqual(LIMITS.title);
    expect(embed?.description?.length).toBeLessThanOrEqual(LIMITS.description);
    for (const field of embed?.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(embed?.footer?.text.length).toBeLessThanOrEqual(LIMITS.footer);
    expect(embedSize(embed ?? {})).toBeLessThanOrEqual(LIMITS.embedsTotal);
    // A link longer than a button may hold gets no Original button rather than a rejected message.
    expect(components[0]?.components.map((c) => ('label' in c ? c.label : ''))).toEqual([
      'Claims (25)',
      'Source note',
      'What I read',
    ]);
  });

  it('splits a long claim list over embeds within the per-message total and says what did not fit', () => {
    const embeds = renderClaimsEmbeds(brief);
    expect(embeds.length).toBeLessThanOrEqual(10);
    expect(embeds.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(LIMITS.embedsTotal);
    for (const e of embeds) expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(embeds.at(-1)?.footer?.text).toMatch(/more claim\(s\) did not fit/);
    expect(embeds.map((e) => e.description).join('')).toContain('⚠ quote not found in the article');
  });

  it('keeps the source note and what was read within a description', () => {
    expect(renderSourceNoteEmbed(brief).description?.length).toBeLessThanOrEqual(LIMITS.description);
    const read = renderReadEmbed(brief);
    expect(read.description?.length).toBeLessThanOrEqual(LIMITS.description);
    expect(read.footer?.text).toBe('99999 words read; the text was cut before the model, so its end was not read');
  });
});
