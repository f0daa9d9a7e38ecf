import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { openStore } from '../store/open-store.js';
import { loadCountries } from './countries.js';
import { createKeyvStoryStorage } from './keyv-story-storage.js';
import { openStoryStorage } from './open-story-storage.js';
import { createStoryIndex } from './story-index.js';
import { storyStorageContract } from './testing/storage-contract.js';
import { clashByArmenia, clashByAzerbaijan, clashByWire } from './testing/story-briefs.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-stories-'));
const logger = createLogger('silent');
const stores: ReturnType<typeof openStore>[] = [];
const sqlite = (name: string) => {
  const store = openStore(`sqlite://${join(dir, name)}`, logger);
  stores.push(store);
  return store;
};

afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

storyStorageContract('keyv (SQLite)', (clock) => createKeyvStoryStorage(sqlite('contract.sqlite').keyv, clock.now));

describe('stories in SQLite', () => {
  it('survive closing and reopening the store', async () => {
    const path = 'reopen.sqlite';
    const countries = loadCountries();
    const first = sqlite(path);
    const before = createStoryIndex(openStoryStorage(first), countries);
    const armenia = await before.fileBrief(clashByArmenia);
    await before.fileBrief(clashByAzerbaijan);
    await first.close();
    stores.splice(stores.indexOf(first), 1);

    const second = sqlite(path);
    const after = createStoryIndex(openStoryStorage(second), countries);
    expect(await after.storyOf(clashByAzerbaijan.meta.cacheKey)).toBe(armenia.storyId);
    // The reopened index still finds the story for a new report of the event.
    const wire = await after.fileBrief(clashByWire);
    expect(wire.storyId).toBe(armenia.storyId);
    expect(wire.memberKeys).toEqual(['am-mod-1', 'az-mod-1', 'wire-1']);
    expect((await after.membersOf(armenia.storyId)).map((m) => m.outlet)).toEqual([
      'Ministry of Defence of Armenia',
      'Ministry of Defense of Azerbaijan',
      'Reuters',
    ]);
  });
});
