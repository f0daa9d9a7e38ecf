import { describe, expect, it } from 'vitest';
import { loadLexicon, unquotedLoadedTerms } from '../brief/checks/loaded-terms.js';
import { compareStory } from './compare-story.js';
import { ComparisonSchema } from './comparison-schema.js';
import { loadCountries } from './countries.js';
import { buildBrief } from './testing/build-brief.js';
import { clashByArmenia, clashByAzerbaijan, clashByWire } from './testing/story-briefs.js';

const ctx = { countries: loadCountries(), lexicon: loadLexicon() };
const compare = (...briefs: Parameters<typeof buildBrief>[0][]) =>
  compareStory(
    briefs.map((spec) => ({ brief: buildBrief(spec) })),
    ctx,
  );

const drills = {
  taiwan: {
    key: 'tw',
    outlet: 'Ministry of National Defense of Taiwan',
    country: 'Taiwan',
    kind: 'government or military',
    publishedAt: '2026-11-22T04:00:00Z',
    title: 'PLA aircraft detected around Taiwan',
    text: 'The ministry said it detected 32 PLA aircraft and 9 naval vessels around Taiwan on Saturday.\n\nDefense Minister Wellington Koo said the drills were a provocation that threatened regional peace.',
  },
  china: {
    key: 'cn',
    outlet: 'Global Times',
    country: 'China',
    kind: 'state-controlled',
    publishedAt: '2026-11-22T09:30:00Z',
    title: 'PLA holds combat readiness patrol near the island',
    text: 'Senior Colonel Shi Yi said the patrol near Taiwan was a routine exercise to test joint capabilities.\n\nA military expert said about 20 aircraft and nine ships took part in the patrol on Saturday.',
  },
  trade: {
    key: 'trade',
    outlet: 'Naval News',
    country: 'France',
    kind: 'independent',
    publishedAt: '2026-11-22T15:00:00Z',
    title: 'Type 055 destroyer joins patrol east of Taiwan',
    text: 'A Type 055 destroyer operated about 40 nautical miles east of Hualien during the patrol, photos showed.\n\nTaiwan counted nine PLA Navy vessels in total around the island.',
  },
};

describe('compareStory', () => {
  const clash = compareStory(
    [clashByArmenia, clashByAzerbaijan, clashByWire].map((brief) => ({ brief })),
    ctx,
  );

  it('finds where the sides conflict: casualties and who started it', () => {
    const conflicts = clash.points.filter((p) => p.status === 'conflict');
    const casualties = conflicts.find((p) => p.subject.startsWith('Casualties'));
    expect(casualties?.subject).toBe('Casualties among soldiers (Armenia)');
    expect(casualties?.sides.map((s) => s.member)).toEqual(expect.arrayContaining(['am-mod-1', 'az-mod-1']));
    expect(casualties?.note).toContain('2 injured (Ministry of Defence of Armenia)');
    expect(casualties?.note).toContain('5 killed (Ministry of Defense of Azerbaijan)');
    const started = conflicts.find((p) => p.subject === 'Who started it');
    expect(started?.note).toBe(
      'The accounts differ: started by Azerbaijan (Ministry of Defence of Armenia); started by Armenia (Ministry of Defense of Azerbaijan).',
    );
  });

  it('draws out, beside a conflict, the sources that give the same value', () => {
    const agreed = clash.points.find((p) => p.subject === 'Casualties among soldiers (Armenia): 2 injured');
    expect(agreed?.status).toBe('agree');
    expect(agreed?.sides.map((s) => s.member)).toEqual(['am-mod-1', 'wire-1']);
  });

  it('does not set one side’s “no losses” against the other side’s dead', () => {
    const noLosses = (p: (typeof clash.points)[number]) => p.sides.some((s) => s.quote?.includes('no losses among'));
    expect(clash.points.filter(noLosses).length).toBeGreaterThan(0);
    expect(clash.points.filter((p) => p.status === 'conflict' && noLosses(p))).toEqual([]);
  });

  it('puts conflicts first, then agreements, then one-side points, and is a valid Comparison', () => {
    const order = clash.points.map((p) => p.status);
    expect(order).toEqual(
      [...order].sort(
        (a, b) => ['conflict', 'agree', 'one_side'].indexOf(a) - ['conflict', 'agree', 'one_side'].indexOf(b),
      ),
    );
    expect(ComparisonSchema.parse(clash)).toEqual(clash);
    expect(clash.members.map((m) => [m.key, m.outlet, m.country, m.kind])).toEqual([
      ['am-mod-1', 'Ministry of Defence of Armenia', 'Armenia', 'government or military'],
      ['az-mod-1', 'Ministry of Defense of Azerbaijan', 'Azerbaijan', 'government or military'],
      ['wire-1', 'Reuters', 'United Kingdom', 'wire'],
    ]);
  });

  it('names the member of every side, with quotes verbatim from that member’s article', () => {
    const byKey = new Map([clashByArmenia, clashByAzerbaijan, clashByWire].map((b) => [b.meta.cacheKey, b]));
    for (const side of clash.points.flatMap((p) => p.sides)) {
      const brief = byKey.get(side.member);
      expect(brief).toBeDefined();
      if (side.quote) expect(brief?.article.excerpt).toContain(side.quote);
      if (side.from === 'claim') expect(brief?.claims.map((c) => c.statement)).toContain(side.statement);
    }
  });

  it('finds counts that differ and counts that agree across outlets', () => {
    const { points } = compare(drills.taiwan, drills.china, drills.trade);
    const aircraft = points.find((p) => p.subject === 'Number of aircraft');
    expect(aircraft?.status).toBe('conflict');
    expect(aircraft?.note).toBe(
      'The accounts differ: 32 (Ministry of National Defense of Taiwan); about 20 (Global Times).',
    );
    const ships = points.find((p) => p.subject === 'Number of ships');
    expect(ships?.status).toBe('agree');
    expect(new Set(ships?.sides.map((s) => s.member))).toEqual(new Set(['tw', 'cn', 'trade']));
    expect(points.find((p) => p.subject === 'How the activity was described')?.status).toBe('conflict');
    const lone = points.filter((p) => p.status === 'one_side');
    expect(lone.some((p) => p.sides[0]?.member === 'trade' && p.sides[0].quote?.includes('Hualien'))).toBe(true);
  });

  it('sets a denial against the claim it denies', () => {
    const { points } = compare(
      {
        key: 'claim',
        outlet: 'Inter-Services Public Relations',
        text: 'Three Indian soldiers were killed in the exchange across the Line of Control, the statement said.',
      },
      {
        key: 'denial',
        outlet: 'Press Trust of India',
        text: 'Officials denied a claim by the Pakistan military that three Indian soldiers had been killed near the Line of Control.',
      },
    );
    const point = points.find((p) => p.status === 'conflict');
    expect(point?.note).toBe(
      'The accounts differ: 3 killed (Inter-Services Public Relations); denies 3 killed (Press Trust of India).',
    );
  });

  it('keeps its own voice neutral: loaded words stay inside quotation marks', () => {
    const { points } = compare(
      {
        key: 'a',
        outlet: 'Outlet A',
        claims: [
          { claimant: 'A spokesman', statement: 'A spokesman said the puppet regime lost 12 tanks near Kupiansk.' },
        ],
      },
      {
        key: 'b',
        outlet: 'Outlet B',
        claims: [{ claimant: 'The army', statement: 'The army said it lost 3 tanks near Kupiansk.' }],
      },
    );
    expect(points.length).toBeGreaterThan(0);
    for (const point of points) {
      expect(unquotedLoadedTerms(point.subject, ctx.lexicon)).toEqual([]);
      for (const side of point.sides) expect(unquotedLoadedTerms(side.statement, ctx.lexicon)).toEqual([]);
    }
    expect(points[0]?.sides[0]?.statement).toContain('“puppet regime”');
  });

  it('keeps an article sentence’s loaded words quoted even when the sentence has quotation marks of its own', () => {
    const { points } = compare(
      {
        key: 'a',
        outlet: 'Outlet A',
        text: 'The commander called the unit “brave” and said the vile hegemonic system lost 12 tanks near Kupiansk.',
      },
      { key: 'b', outlet: 'Outlet B', text: 'The army said it lost 3 tanks near Kupiansk on Monday, officials said.' },
    );
    const sides = points.flatMap((p) => p.sides).filter((s) => s.member === 'a');
    expect(sides.length).toBeGreaterThan(0);
    for (const side of sides) {
      expect(side.from).toBe('article');
      expect(unquotedLoadedTerms(side.statement, ctx.lexicon)).toEqual([]);
    }
    for (const point of points) expect(unquotedLoadedTerms(point.note ?? '', ctx.lexicon)).toEqual([]);
  });
});
