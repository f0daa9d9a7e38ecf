import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import { createLogger } from '../../logger.js';
import { loadPrompts } from './load-prompts.js';
import { ENGINE_NAMES, ENGINES, type EngineDeps } from './registry.js';

describe('the engine registry', () => {
  it('is what SITREP_ENGINE accepts, besides auto', () => {
    for (const name of ENGINE_NAMES) expect(parseConfig({ SITREP_ENGINE: name }).engine).toBe(name);
    expect(() => parseConfig({ SITREP_ENGINE: 'gpt' })).toThrow(/SITREP_ENGINE/);
  });

  it('builds an engine only when its settings are present', () => {
    const deps: EngineDeps = {
      logger: createLogger('silent'),
      prompts: loadPrompts,
      withModelSlot: (work) => work(),
    };
    const bare = parseConfig({});
    expect(ENGINES.anthropic.create(bare, deps)).toBeNull();
    expect(ENGINES.openai.create(bare, deps)).toBeNull();
    expect(ENGINES.offline.create(bare, deps)?.name).toBe('offline');
    const local = parseConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', SITREP_OPENAI_MODEL: 'llama3.1:8b' });
    expect(ENGINES.openai.create(local, deps)?.model).toBe('llama3.1:8b');
  });

  it('is the README’s engine table, row for row', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Engines'), readme.indexOf('## Running the Discord bot'));
    const rows = section.split('\n').filter((line) => /^\| `[a-z]+` \|/.test(line));
    expect(rows.map((row) => row.split('|')[1]?.trim())).toEqual(ENGINE_NAMES.map((name) => `\`${name}\``));
    for (const [i, name] of ENGINE_NAMES.entries()) {
      const cells = rows[i]?.split('|').map((cell) => cell.trim()) ?? [];
      const definition = ENGINES[name];
      expect(cells.slice(2, 6)).toEqual([
        definition.summary,
        definition.needs,
        definition.metered ? 'yes' : 'no',
        definition.promptCaching,
      ]);
    }
  });
});
