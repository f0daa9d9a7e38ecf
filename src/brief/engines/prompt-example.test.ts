import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groundClaims } from '../checks/ground-claims.js';
import { BriefDraftSchema } from '../schema.js';
import { PROMPTS_DIR } from './load-prompts.js';

// The worked example teaches the model what we demand, so it must meet every rule itself.
const article = readFileSync(join(PROMPTS_DIR, 'examples/article.txt'), 'utf8');
const example = BriefDraftSchema.parse(JSON.parse(readFileSync(join(PROMPTS_DIR, 'examples/brief.json'), 'utf8')));
const LOADED_IN_EXAMPLE = ['warmongering', 'regime', 'reckless', 'provocation'];

function outsideQuotes(text: string): string {
  return text.replace(/"[^"]*"|“[^”]*”/g, '');
}

describe('the prompt’s worked example', () => {
  it('quotes the example article exactly', () => {
    const { claims } = groundClaims(example.claims, article);
    expect(claims.every((c) => c.grounded === true)).toBe(true);
  });

  it('keeps loaded words inside quotation marks in every sentence of its own', () => {
    const ownVoice = [
      example.summary.headline,
      ...example.summary.sentences,
      ...example.claims.map((c) => c.statement),
    ];
    for (const text of ownVoice) {
      for (const word of LOADED_IN_EXAMPLE) expect(outsideQuotes(text).toLowerCase()).not.toContain(word);
    }
  });

  it('attributes every summary sentence to someone', () => {
    for (const sentence of example.summary.sentences) {
      expect(sentence).toMatch(/\b(said|says|described|notes|reported|called)\b/);
    }
  });
});
