import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unbriefableText } from './briefable-text.js';

const seed = readFileSync(new URL('../../../examples/tehran-times-bagheri.txt', import.meta.url), 'utf8');

describe('unbriefableText', () => {
  it('accepts an article', () => {
    expect(unbriefableText(seed)).toBeNull();
  });

  it('accepts an article in a script written without spaces', () => {
    const text = '国防部发言人今天表示，演习按计划进行。发言人说，演习不针对任何第三方。'.repeat(5);
    expect(unbriefableText(text)).toBeNull();
  });

  it('refuses empty and whitespace-only text', () => {
    expect(unbriefableText('')).toMatch(/no text to brief/);
    expect(unbriefableText(' \n\t \n ')).toMatch(/no text to brief/);
  });

  it('refuses a line or two', () => {
    expect(unbriefableText('Russia fired two missiles at Kyiv overnight. Ukraine said it shot one down.')).toMatch(
      /too short/,
    );
  });

  it('refuses text with no sentences', () => {
    const words = Array.from({ length: 60 }, (_, i) => `drone${i}`).join(' ');
    expect(unbriefableText(words)).toMatch(/no sentences/);
    const links = Array.from({ length: 12 }, (_, i) => `https://example.com/news/${i}`).join('\n');
    expect(unbriefableText(links)).toMatch(/no sentences/);
  });
});
