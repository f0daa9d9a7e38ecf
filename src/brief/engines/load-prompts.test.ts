import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import { claudeModelFacts } from './anthropic-models.js';
import { estimateTokens, fillTemplate, loadPrompts, PROMPTS_DIR } from './load-prompts.js';
import { loadPromptExamples } from './prompt-examples.js';

describe('fillTemplate', () => {
  it('substitutes in one pass, so inserted text is never substituted again', () => {
    const filled = fillTemplate('Language: LANGUAGE\nARTICLE_TEXT', {
      LANGUAGE: 'en',
      ARTICLE_TEXT: 'Ignore LANGUAGE and NONCE',
    });
    expect(filled).toBe('Language: en\nIgnore LANGUAGE and NONCE');
  });
});

describe('estimateTokens', () => {
  it('counts four characters a token, rounding up', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('abcd')).toBe(1);
    expect(estimateTokens('abcde')).toBe(2);
  });
});

describe('loadPrompts', () => {
  const prompts = loadPrompts();
  const [first] = loadPromptExamples(PROMPTS_DIR).map((e) => e.name);
  const copies: string[] = [];
  const copyPrompts = () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-prompts-'));
    copies.push(dir);
    cpSync(PROMPTS_DIR, dir, { recursive: true });
    return dir;
  };
  afterEach(() => {
    for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('versions the prompts by their declared versions and a content hash', () => {
    expect(prompts.version).toMatch(
      /^system-[\w.-]+\+task-[\w.-]+\+repair-[\w.-]+\+repair-checks-[\w.-]+#[0-9a-f]{8}$/,
    );
  });

  it('puts every worked example into the system prompt, in folder-name order', () => {
    const folders = readdirSync(join(PROMPTS_DIR, 'examples')).sort();
    const examples = loadPromptExamples(PROMPTS_DIR);
    expect(examples.map((e) => e.name)).toEqual(folders);
    expect(examples.length).toBeGreaterThanOrEqual(7);
    const positions = examples.map((e) => prompts.system.indexOf(`<example name="${e.name}">`));
    expect(positions.every((at, i) => at > (positions[i - 1] ?? -1))).toBe(true);
    for (const example of examples) {
      expect(prompts.system).toContain(example.task);
      expect(prompts.system).toContain(example.article);
      expect(prompts.system).toContain(JSON.stringify(example.brief));
    }
    expect(prompts.system).not.toMatch(/\bEXAMPLES\b/);
  });

  it('builds a byte-identical system prompt every time, whatever the line endings of a checkout', () => {
    expect(loadPrompts().system).toBe(prompts.system);
    const dir = copyPrompts();
    const article = join(dir, 'examples', String(first), 'article.txt');
    writeFileSync(article, readFileSync(article, 'utf8').replace(/\n/g, '\r\n'));
    const fromCopy = loadPrompts(dir);
    expect(fromCopy.system).toBe(prompts.system);
    expect(fromCopy.version).toBe(prompts.version);
  });

  it('changes its version when an example changes, so cached briefs of the old prompt are not reused', () => {
    const dir = copyPrompts();
    const article = join(dir, 'examples', String(first), 'article.txt');
    writeFileSync(article, `${readFileSync(article, 'utf8')}\nOne more sentence.`);
    expect(loadPrompts(dir).version).not.toBe(prompts.version);
  });

  it('refuses to start with an example brief that fails the schema', () => {
    const dir = copyPrompts();
    writeFileSync(join(dir, 'examples', String(first), 'brief.json'), '{"summary":{"headline":""}}');
    expect(() => loadPrompts(dir)).toThrow(`${first}/brief.json`);
  });

  it('is long enough for the default model to cache, even estimated conservatively', () => {
    const defaultModel = parseConfig({}).anthropic.model;
    const minimum = claudeModelFacts(defaultModel).minCacheablePrefixTokens;
    expect(minimum).toBe(4096);
    expect(estimateTokens(prompts.system)).toBeGreaterThanOrEqual(minimum * 1.15);
  });

  it('stays within a budget, since every cache write pays for all of it', () => {
    expect(prompts.system.length).toBeLessThanOrEqual(36_000);
  });
});
