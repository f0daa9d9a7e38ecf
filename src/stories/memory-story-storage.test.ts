import { createMemoryStoryStorage } from './memory-story-storage.js';
import { storyStorageContract } from './testing/storage-contract.js';

storyStorageContract('in-memory', (clock) => createMemoryStoryStorage(clock.now));
