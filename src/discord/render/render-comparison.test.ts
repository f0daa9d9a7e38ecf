import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../stories/comparison-schema.js';
import { embedSize, LIMITS } from './discord-text.js';
import { renderComparisonEmbed, renderComparisonMessage } from './render-comparison.js';
import { renderFullComparisonEmbeds } from './render-full-comparison.js';
import { hugeComparison, key, member } from './testing/huge-comparison.js';

function expectWithinLimits(embeds: APIEmbed[]) {
  expect(embeds.length).toBeLessThanOrEqual(10);
  expect(embeds.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(LIMITS.embedsTotal);
  for (const e of embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
  }
  const text = JSON.stringify(embeds);
  expect(text).not.toMatch(/@(everyone|here)/);
  expect(text).not.toMatch(/<@&?\d/);
  // In the JSON every bracket of the title shows as \\[ : escaped, so no masked link.
  expect(text).not.toMatch(/(?<!\\\\)\[link\]/);
}

describe('a comparison at Discord’s limits', () => {
  const comparison = hugeComparison();

  it('fits the short answer in one embed, conflicts first, and counts what it left for the full comparison', () => {
    const { embeds, components } = renderComparisonMessage(comparison, key(99), { fromCache: false, stored: true });
    expectWithinLimits(embeds);
    const description = embeds[0]?.description ?? '';
    expect(description.startsWith('**Where the accounts conflict**')).toBe(true);
    expect(description).toContain('conflict subject 2');
    expect(description).not.toContain('one\\_side subject');
    expect(embeds[0]?.footer?.text).toMatch(
      /^30 point\(s\) · \d+ more in the full comparison · compared by anthropic · fresh$/,
    );
    expect(components[0]?.components[0]).toMatchObject({
      label: 'Full comparison',
      custom_id: `story:full:${key(99)}`,
    });
  });

  it('keeps within a smaller share when several stories share one message', () => {
    const embed = renderComparisonEmbed(comparison, true, 2_900);
    expect(embedSize(embed)).toBeLessThanOrEqual(2_900);
    expect(embed.description).toContain('conflict subject');
  });

  it('spreads the full comparison over embeds within the message total and says how many points did not fit', () => {
    const embeds = renderFullComparisonEmbeds(comparison, true);
    expectWithinLimits(embeds);
    expect(embeds[0]?.title).toMatch(/^Full comparison: Title 0/);
    expect(embeds.at(-1)?.footer?.text).toMatch(/\d+ more point\(s\) did not fit in one message\.$/);
    const points = embeds
      .slice(1)
      .map((e) => e.description)
      .join('\n');
    expect(points.indexOf('conflict subject')).toBeLessThan(points.indexOf('Where the accounts agree') >>> 0);
  });

  it('offers no Full comparison for a comparison that is not stored', () => {
    expect(renderComparisonMessage(comparison, key(99), { fromCache: false, stored: false }).components).toEqual([]);
  });

  it('shows one line per side with its outlet, the wire’s name for carried copy', () => {
    const small: Comparison = {
      ...comparison,
      members: [member(0), member(3)].map((m) => ({
        ...m,
        outlet: m.key === key(3) ? 'Carrier' : 'TASS',
        title: 'Drones',
      })),
      points: [
        {
          subject: 'Drones shot down',
          status: 'conflict',
          note: 'different counts: 23; 9',
          sides: [
            {
              member: key(0),
              claimant: 'Ministry',
              statement: 'The ministry said 23 drones were shot down.',
              quote: 'on-duty air defence assets destroyed 23 drones',
              from: 'claim',
            },
            {
              member: key(3),
              claimant: 'Officials',
              statement: 'Officials said nine drones were downed.',
              quote: null,
              from: 'claim',
            },
          ],
        },
      ],
    };
    const description = renderComparisonEmbed(small, false).description ?? '';
    expect(description).toBe(
      [
        '**Where the accounts conflict**',
        '__Drones shot down__ · different counts: 23; 9',
        '• **TASS**: The ministry said 23 drones were shot down. — “on-duty air defence assets destroyed 23 drones”',
        '• **Wire Service via Carrier**: Officials said nine drones were downed.',
      ].join('\n'),
    );
  });
});
