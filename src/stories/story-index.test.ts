import { describe, expect, it } from 'vitest';
import { loadCountries } from './countries.js';
import { createMemoryStoryStorage } from './memory-story-storage.js';
import { createStoryIndex, storyIdFor } from './story-index.js';
import type { StoryStorage } from './story-storage.js';
import { buildBrief } from './testing/build-brief.js';
import {
  clashByArmenia,
  clashByAzerbaijan,
  clashByWire,
  unrelatedNaval,
  unrelatedSameRegion,
} from './testing/story-briefs.js';

const countries = loadCountries();
const DAY = 86_400_000;

/** Records what the index asks of its storage, to show it reads postings and a few candidates, never everything. */
function counting(storage: StoryStorage) {
  const calls = { postings: [] as string[][], getBriefs: [] as string[][] };
  const wrapped: StoryStorage = {
    ...storage,
    postings: (features, limit) => {
      calls.postings.push(features);
      return storage.postings(features, limit);
    },
    getBriefs: (keys) => {
      calls.getBriefs.push(keys);
      return storage.getBriefs(keys);
    },
  };
  return { storage: wrapped, calls };
}

describe('story index', () => {
  it('files reports of one clash from both sides and a wire into one story, unrelated items apart', async () => {
    const index = createStoryIndex(createMemoryStoryStorage(), countries);
    const filed = [];
    for (const brief of [unrelatedSameRegion, clashByArmenia, unrelatedNaval, clashByAzerbaijan, clashByWire]) {
      filed.push(await index.fileBrief(brief));
    }
    const [region, armenia, naval, azerbaijan, wire] = filed;
    expect(armenia?.created).toBe(true);
    expect(azerbaijan?.storyId).toBe(armenia?.storyId);
    expect(wire?.storyId).toBe(armenia?.storyId);
    expect(wire?.memberKeys).toEqual(['am-mod-1', 'az-mod-1', 'wire-1']);
    expect(new Set([region?.storyId, naval?.storyId, armenia?.storyId]).size).toBe(3);
    expect(await index.storyOf('az-mod-1')).toBe(storyIdFor('am-mod-1'));
    expect(await index.storyOf('never-filed')).toBeNull();
  });

  it('files the same brief once, however often it is filed', async () => {
    const index = createStoryIndex(createMemoryStoryStorage(), countries);
    const first = await index.fileBrief(clashByArmenia);
    const again = await index.fileBrief(clashByArmenia);
    expect(again).toEqual({ ...first, created: false, absorbed: [] });
    expect(await index.membersOf(first.storyId)).toHaveLength(1);
  });

  it('keeps briefs published further apart than the window in different stories', async () => {
    const index = createStoryIndex(createMemoryStoryStorage(), countries, { windowMs: 2 * DAY });
    const first = await index.fileBrief(clashByArmenia);
    const later = buildBrief({
      ...{ key: 'am-mod-later', outlet: 'Ministry of Defence of Armenia', country: 'Armenia' },
      publishedAt: new Date(Date.parse('2026-11-25T06:00:00Z') + 5 * DAY).toISOString(),
      title: clashByArmenia.article.title,
      text: clashByArmenia.article.excerpt,
    });
    expect((await index.fileBrief(later)).storyId).not.toBe(first.storyId);
  });

  it('joins the closer of two stories and never merges them', async () => {
    const index = createStoryIndex(createMemoryStoryStorage(), countries);
    const clash = await index.fileBrief(clashByArmenia);
    const contract = await index.fileBrief(unrelatedSameRegion);
    // Names the clash's village and units, and the contract's howitzers in passing.
    const both = buildBrief({
      key: 'roundup',
      publishedAt: '2026-11-25T14:00:00Z',
      title: 'Firing near Sotk as Azerbaijani units and the 3rd Army Corps clash',
      text: 'Azerbaijani units and Armenian positions exchanged fire near Sotk in Gegharkunik on the night of November 24; a Bayraktar TB2 drone was used, officials said. Separately, Armenia has ordered ATAGS howitzers.',
    });
    const filed = await index.fileBrief(both);
    expect(filed.storyId).toBe(clash.storyId);
    expect(await index.membersOf(contract.storyId)).toHaveLength(1);
  });

  it('needs more than one shared weapon to call two reports one event', async () => {
    const index = createStoryIndex(createMemoryStoryStorage(), countries);
    const first = await index.fileBrief(
      buildBrief({
        key: 'strike-a',
        publishedAt: '2026-11-25T06:00:00Z',
        title: 'Shahed-136 drones hit a depot in Izmail',
        text: 'Shahed-136 drones struck a fuel depot in Izmail overnight, governor Oleh Kiper said.',
      }),
    );
    const other = await index.fileBrief(
      buildBrief({
        key: 'strike-b',
        publishedAt: '2026-11-25T09:00:00Z',
        title: 'Eleven Shahed-136 downed over Sumy',
        text: 'Air defenses downed eleven Shahed-136 over Sumy, the air force said.',
      }),
    );
    expect(other.storyId).not.toBe(first.storyId);
    const same = await index.fileBrief(
      buildBrief({
        key: 'strike-c',
        publishedAt: '2026-11-25T11:00:00Z',
        title: 'Depot in Izmail burns after Shahed-136 attack',
        text: 'A fuel depot in Izmail was hit by Shahed-136 drones, Oleh Kiper said.',
      }),
    );
    expect(same.storyId).toBe(first.storyId);
  });

  it('folds in a lone report that a later report ties to the story', async () => {
    const index = createStoryIndex(createMemoryStoryStorage(), countries);
    const army = await index.fileBrief(
      buildBrief({
        key: 'army',
        publishedAt: '2026-10-22T01:00:00Z',
        title: 'Missile from Yemen intercepted over central Israel',
        text: 'A missile launched from Yemen was intercepted over central Israel after sirens sounded in Rishon Lezion and Modiin, the military said.',
      }),
    );
    // The other side's report shares the airport and little else with the army's.
    const yemen = await index.fileBrief(
      buildBrief({
        key: 'yemen',
        publishedAt: '2026-10-22T06:00:00Z',
        title: 'Yemeni forces target Ben Gurion airport with two Palestine missiles',
        text: 'The Yemeni armed forces said they targeted Ben Gurion airport in the Jaffa area with two hypersonic missiles, halting air traffic at Lod.',
      }),
    );
    expect(yemen.storyId).not.toBe(army.storyId);
    const wire = await index.fileBrief(
      buildBrief({
        key: 'wire',
        publishedAt: '2026-10-22T09:00:00Z',
        title: 'Yemen says it fired two missiles at Ben Gurion airport; Israel says one intercepted',
        text: 'Yemen said it fired two hypersonic missiles at Ben Gurion airport, hours after the military said a missile launched from Yemen was intercepted over central Israel after sirens in Rishon Lezion and Modiin. Air traffic at Lod was halted.',
      }),
    );
    expect(wire.storyId).toBe(army.storyId);
    expect(wire.absorbed).toEqual([yemen.storyId]);
    expect(await index.storyOf('yemen')).toBe(army.storyId);
    expect((await index.membersOf(army.storyId)).map((m) => m.key)).toEqual(['army', 'wire', 'yemen']);
    expect(await index.membersOf(yemen.storyId)).toEqual([]);
  });

  it('caps a story’s members while later briefs still know their story', async () => {
    const index = createStoryIndex(createMemoryStoryStorage(), countries, { maxMembers: 2 });
    await index.fileBrief(clashByArmenia);
    await index.fileBrief(clashByAzerbaijan);
    const wire = await index.fileBrief(clashByWire);
    expect(wire.memberKeys).toEqual(['am-mod-1', 'az-mod-1']);
    expect(await index.storyOf('wire-1')).toBe(wire.storyId);
  });

  it('finds candidates through rare features only, scoring a bounded few however many briefs share a common one', async () => {
    const { storage, calls } = counting(createMemoryStoryStorage());
    const index = createStoryIndex(storage, countries, { postingLimit: 50, candidates: 8 });
    // 200 unrelated reports that all name Armenia and Azerbaijan and talk of a border.
    for (let i = 0; i < 200; i++) {
      await index.fileBrief(
        buildBrief({
          key: `filler-${i}`,
          publishedAt: '2026-11-25T01:00:00Z',
          title: `Armenia and Azerbaijan discuss border commission meeting number ${i}`,
          text: `Armenia and Azerbaijan officials discussed the border commission in Vilnius${i} and Tbilisi on Monday, officials said.`,
        }),
      );
    }
    calls.getBriefs.length = 0;
    const filed = await index.fileBrief(clashByArmenia);
    expect(filed.created).toBe(true);
    expect(calls.getBriefs.flat().length).toBeLessThanOrEqual(8);
    const common = await storage.postings(['c:armenia', 'c:azerbaijan'], 50);
    expect([...common.values()]).toEqual(['common', 'common']);
    expect((await index.fileBrief(clashByAzerbaijan)).storyId).toBe(filed.storyId);
  });
});
