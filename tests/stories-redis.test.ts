import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { createRedisConnection } from '../src/store/redis-connection.js';
import { loadCountries } from '../src/stories/countries.js';
import { createRedisStoryStorage } from '../src/stories/redis-story-storage.js';
import { createStoryIndex } from '../src/stories/story-index.js';
import { storyStorageContract } from '../src/stories/testing/storage-contract.js';
import { clashByArmenia, clashByAzerbaijan, clashByWire, unrelatedNaval } from '../src/stories/testing/story-briefs.js';

const REDIS_URL = process.env.REDIS_URL;
// Each run writes under its own prefix and removes it afterwards, so runs never meet.
const prefix = `sitrep-test:${randomUUID()}:story:`;

// Runs whenever REDIS_URL is set, as the Redis store test does.
describe.runIf(REDIS_URL)('stories in Redis', () => {
  const connections = [0, 1].map(() => createRedisConnection(REDIS_URL as string, createLogger('silent')));
  const [first, second] = connections as [
    ReturnType<typeof createRedisConnection>,
    ReturnType<typeof createRedisConnection>,
  ];

  beforeAll(async () => {
    await Promise.all(connections.map((c) => c.ready()));
  });
  afterAll(async () => {
    const keys: string[] = [];
    for await (const batch of first.client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
    if (keys.length) await first.client.del(keys);
    await Promise.all(connections.map((c) => c.close()));
  });

  storyStorageContract('Redis', (clock) => createRedisStoryStorage(first.client, clock.now, prefix), randomUUID());

  it('are shared by two connections, as by two shard processes, and survive a reconnect', async () => {
    const countries = loadCountries();
    const one = createStoryIndex(createRedisStoryStorage(first.client, Date.now, prefix), countries);
    const two = createStoryIndex(createRedisStoryStorage(second.client, Date.now, prefix), countries);
    const armenia = await one.fileBrief(clashByArmenia);
    const [azerbaijan, naval] = await Promise.all([two.fileBrief(clashByAzerbaijan), two.fileBrief(unrelatedNaval)]);
    expect(azerbaijan.storyId).toBe(armenia.storyId);
    expect(naval.storyId).not.toBe(armenia.storyId);

    await second.close();
    const third = createRedisConnection(REDIS_URL as string, createLogger('silent'));
    connections.push(third);
    await third.ready();
    const reopened = createStoryIndex(createRedisStoryStorage(third.client, Date.now, prefix), countries);
    expect(await reopened.storyOf(clashByAzerbaijan.meta.cacheKey)).toBe(armenia.storyId);
    expect((await reopened.fileBrief(clashByWire)).memberKeys).toEqual(['am-mod-1', 'az-mod-1', 'wire-1']);
  });
});
