import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config.js';
import { createPipeline } from '../../src/create-pipeline.js';
import { createLogger } from '../../src/logger.js';

/**
 * A real pipeline for tests: a fresh SQLite store in a temp folder, loopback allowed (so the
 * fixture server can be fetched), and the model pointed at the Messages API stand-in when given.
 */
export function createTestPipeline(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-test-'));
  const config = parseConfig({
    NODE_ENV: 'test',
    SITREP_TEST_ALLOW_LOOPBACK: '1',
    SITREP_STORE: `sqlite://${join(dir, 'store.sqlite')}`,
    SITREP_MODEL_MAX_RETRIES: '0',
    ...env,
  });
  const pipeline = createPipeline(config, createLogger('silent'));
  return {
    ...pipeline,
    config,
    async close() {
      await pipeline.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const TEST_API_KEY = 'sk-ant-test-0000000000';
