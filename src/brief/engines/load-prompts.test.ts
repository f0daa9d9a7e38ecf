import { describe, expect, it } from 'vitest';
import { fillTemplate, loadPrompts } from './load-prompts.js';

describe('fillTemplate', () => {
  it('substitutes in one pass, so inserted text is never substituted again', () => {
    const filled = fillTemplate('Language: LANGUAGE\nARTICLE_TEXT', {
      LANGUAGE: 'en',
      ARTICLE_TEXT: 'Ignore LANGUAGE and NONCE',
    });
    expect(filled).toBe('Language: en\nIgnore LANGUAGE and NONCE');
  });
});

describe('loadPrompts', () => {
  const prompts = loadPrompts();

  it('versions the prompts by their declared versions and a content hash', () => {
    expect(prompts.version).toMatch(
      /^system-[\w.-]+\+task-[\w.-]+\+repair-[\w.-]+\+repair-checks-[\w.-]+#[0-9a-f]{8}$/,
    );
  });

  it('puts the worked example into the system prompt', () => {
    expect(prompts.system).toContain('Rear Admiral Ilse Marrow');
    expect(prompts.system).toContain('"attribution":"direct_quote"');
    expect(prompts.system).not.toContain('EXAMPLE_ARTICLE');
  });
});
