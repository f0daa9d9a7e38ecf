import type { Store } from '../store/open-store.js';
import { createKeyvStoryStorage } from './keyv-story-storage.js';
import { createRedisStoryStorage } from './redis-story-storage.js';
import type { StoryStorage } from './story-storage.js';

/** Stories where the rest of Sitrep keeps its data: Redis structures when the store is Redis, keyv (SQLite) otherwise. */
export function openStoryStorage(store: Store, now: () => number = Date.now): StoryStorage {
  return store.redis ? createRedisStoryStorage(store.redis.client, now) : createKeyvStoryStorage(store.keyv, now);
}
