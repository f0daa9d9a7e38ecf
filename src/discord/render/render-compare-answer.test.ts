import { describe, expect, it } from 'vitest';
import { buildBrief } from '../../stories/testing/build-brief.js';
import type { LinkOutcome } from '../compare/brief-links.js';
import type { LinkStory } from '../compare/group-links.js';
import { embedSize, LIMITS } from './discord-text.js';
import { type AnsweredStory, renderCompareAnswer } from './render-compare-answer.js';
import { hugeComparison, key } from './testing/huge-comparison.js';

const briefed = (n: number, outlet: string): LinkStory['links'][number] => ({
  n,
  url: `https://site${n}.example/a`,
  made: { brief: buildBrief({ key: key(100 + n), outlet }), fromCache: false, story: null },
  failure: null,
});

function story(links: LinkStory['links'], comparable: boolean): LinkStory {
  return { storyId: `s-${links[0]?.n}`, links, briefs: links.map((l) => l.made.brief), comparable };
}

const compared = (stored: boolean, n: number): AnsweredStory['compared'] => ({
  comparison: hugeComparison(),
  key: key(200 + n),
  fromCache: false,
  usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 },
  stored,
});

describe('the /compare answer', () => {
  it('shares the message between two compared stories, names the lone link and the failed one, within every limit', () => {
    const failed: LinkOutcome = {
      n: 5,
      url: 'https://paywalled.example/x',
      made: null,
      failure: 'This page looks like a paywall.',
    };
    const answer = renderCompareAnswer(
      [
        { story: story([briefed(1, 'TASS'), briefed(3, 'Reuters')], true), compared: compared(true, 1) },
        { story: story([briefed(2, 'Defense News')], false), compared: null },
        { story: story([briefed(4, 'Ukrinform'), briefed(6, 'Kyiv Post')], true), compared: compared(false, 2) },
      ],
      [failed],
    );
    expect(answer.content.split('\n')).toEqual([
      'Link 1 (TASS) and link 3 (Reuters) report one story; their coverage is compared (story 1 below).',
      'Link 2 (Defense News) shares no story with the other links.',
      'Link 4 (Ukrinform) and link 6 (Kyiv Post) report one story; their coverage is compared (story 2 below).',
      '⚠️ Link 5 (paywalled.example) gave no brief: This page looks like a paywall.',
    ]);
    expect(answer.embeds.map((e) => e.title?.slice(0, 3))).toEqual(['1. ', '2. ']);
    expect(answer.embeds.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(LIMITS.embedsTotal);
    for (const embed of answer.embeds)
      expect(embed.description?.startsWith('**Where the accounts conflict**')).toBe(true);
    // Only the stored comparison can be opened in full.
    expect(answer.components[0]?.components).toEqual([
      expect.objectContaining({ label: 'Full comparison: story 1', custom_id: `story:full:${key(201)}` }),
    ]);
  });
});
