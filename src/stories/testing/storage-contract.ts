import { describe, expect, it } from 'vitest';
import { COMMON, type IndexedBrief, type StoryStorage } from '../story-storage.js';

export interface ContractClock {
  now(): number;
  advance(ms: number): void;
}

/** A clock that starts now and moves only when told, for expiry that does not wait. */
function manualClock(): ContractClock {
  let at = Date.now();
  return { now: () => at, advance: (ms) => (at += ms) };
}

const HOUR = 3_600_000;

/**
 * What every story storage must do, run against each implementation: posting lists with a limit
 * and expiry, counts, indexed briefs, memberships and capped member lists. `unique` keeps runs
 * against a shared store (Redis) apart.
 */
export function storyStorageContract(name: string, open: (clock: ContractClock) => StoryStorage, unique = '') {
  describe(`${name} story storage`, () => {
    it('keeps posting lists per feature and hands back each brief with its time', async () => {
      const clock = manualClock();
      const storage = open(clock);
      const t = clock.now();
      await storage.addPostings(`a${unique}`, t, [`e:sotk${unique}`, `w:tb2${unique}`], 10, t + HOUR);
      await storage.addPostings(`b${unique}`, t + 5, [`e:sotk${unique}`], 10, t + HOUR);
      const found = await storage.postings([`e:sotk${unique}`, `w:tb2${unique}`, `e:none${unique}`], 10);
      expect(found.get(`e:sotk${unique}`)).toEqual([
        [`a${unique}`, t],
        [`b${unique}`, t + 5],
      ]);
      expect(found.get(`w:tb2${unique}`)).toEqual([[`a${unique}`, t]]);
      expect(found.get(`e:none${unique}`)).toEqual([]);
    });

    it('stops a list at its limit and calls the feature common', async () => {
      const clock = manualClock();
      const storage = open(clock);
      const feature = `c:russia${unique}`;
      for (let i = 0; i < 5; i++)
        await storage.addPostings(`k${i}${unique}`, clock.now(), [feature], 3, clock.now() + HOUR);
      expect((await storage.postings([feature], 3)).get(feature)).toBe(COMMON);
      expect((await storage.postings([feature], 10)).get(feature)).toHaveLength(3);
    });

    it('drops postings once they expire, which frees the list', async () => {
      const clock = manualClock();
      const storage = open(clock);
      const feature = `e:kalbajar${unique}`;
      await storage.addPostings(`old${unique}`, clock.now(), [feature], 1, clock.now() + 1_000);
      clock.advance(2_000);
      expect((await storage.postings([feature], 1)).get(feature)).toEqual([]);
      await storage.addPostings(`new${unique}`, clock.now(), [feature], 1, clock.now() + HOUR);
      expect((await storage.postings([feature], 5)).get(feature)).toEqual([[`new${unique}`, clock.now()]]);
    });

    it('counts briefs indexed per day', async () => {
      const storage = open(manualClock());
      const day = 900_000 + Math.floor(Math.random() * 1_000);
      await storage.noteIndexed(day, HOUR);
      await storage.noteIndexed(day, HOUR);
      await storage.noteIndexed(day + 1, HOUR);
      expect(await storage.countIndexed([day, day + 1, day + 2])).toBe(3);
    });

    it('keeps indexed briefs, memberships and members', async () => {
      const storage = open(manualClock());
      const brief: IndexedBrief = {
        key: `brief${unique}`,
        time: 1_700_000_000_000,
        storyId: `s${unique}`,
        norm: 2.5,
        source: 'mil.am',
        days: ['2026-11-24'],
        features: [
          ['e:sotk', 1.5],
          ['w:tb2', 2],
        ],
      };
      await storage.putBrief(brief, HOUR);
      expect(await storage.getBriefs([`brief${unique}`, `missing${unique}`])).toEqual([brief, undefined]);
      expect(await storage.storyOf(`brief${unique}`)).toBeUndefined();
      await storage.setStoryOf(`brief${unique}`, `s${unique}`, HOUR);
      expect(await storage.storyOf(`brief${unique}`)).toBe(`s${unique}`);

      const member = (k: string) => ({ key: `${k}${unique}`, outlet: 'Reuters', time: 1 });
      await storage.addMember(`s${unique}`, member('m1'), 2, HOUR);
      await storage.addMember(`s${unique}`, member('m1'), 2, HOUR);
      await storage.addMember(`s${unique}`, member('m2'), 2, HOUR);
      const full = await storage.addMember(`s${unique}`, member('m3'), 2, HOUR);
      expect(full.map((m) => m.key)).toEqual([`m1${unique}`, `m2${unique}`]);
      expect(await storage.members(`s${unique}`)).toEqual(full);
      expect(await storage.members(`none${unique}`)).toEqual([]);
      await storage.dropStory(`s${unique}`);
      expect(await storage.members(`s${unique}`)).toEqual([]);
    });
  });
}
