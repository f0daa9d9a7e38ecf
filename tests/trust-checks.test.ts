import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon, unquotedLoadedTerms } from '../src/brief/checks/loaded-terms.js';
import { makeBrief } from '../src/brief/make-brief.js';
import type { Brief } from '../src/brief/schema.js';
import { createTestPipeline } from './helpers/test-pipeline.js';

const seed = readFileSync(new URL('../examples/tehran-times-bagheri.txt', import.meta.url), 'utf8');
const lexicon = loadLexicon();

let pipeline: ReturnType<typeof createTestPipeline>;
let brief: Brief;
beforeAll(async () => {
  pipeline = createTestPipeline();
  brief = (await makeBrief({ source: { kind: 'text', text: seed }, engine: 'offline' }, pipeline.ctx)).brief;
});
afterAll(async () => {
  await pipeline.close();
});

describe('the seed article through the offline engine and the checks', () => {
  it('attributes the claims to the general', () => {
    const bagheri = brief.claims.filter((c) => c.claimant.name.includes('Bagheri'));
    expect(bagheri.length).toBeGreaterThanOrEqual(5);
  });

  it('lists the loaded phrases in the source note, with their context', () => {
    const terms = brief.sourceNote.loadedTerms.map((t) => t.term.toLowerCase());
    for (const phrase of ['vile', 'hegemonic system', 'arrogant powers', 'aggressors', 'zionists'])
      expect(terms).toContain(phrase);
    const vile = brief.sourceNote.loadedTerms.find((t) => t.term === 'vile');
    expect(vile?.context).toContain('the vile hegemonic system');
    expect(vile?.category).toBe('name_calling');
  });

  it('keeps every loaded word out of its own voice', () => {
    const ownVoice = [brief.summary.headline, ...brief.summary.sentences, ...brief.claims.map((c) => c.statement)];
    for (const text of ownVoice) expect(unquotedLoadedTerms(text, lexicon)).toEqual([]);
    expect(brief.claims.map((c) => c.statement).join(' ')).toContain('the “vile hegemonic system”');
  });

  it('takes outlet facts from the registry', () => {
    expect(brief.sourceNote.outlet).toMatchObject({
      name: 'Tehran Times',
      country: 'Iran',
      kind: 'state-controlled',
      owner: 'Islamic Propagation Organization',
      inRegistry: true,
    });
  });

  it('says an unknown outlet is not in the registry rather than guessing', async () => {
    const unknown = await makeBrief(
      {
        source: { kind: 'text', text: `${seed.replace('Source: Tehran Times', 'Source: Harbour Gazette')}` },
        engine: 'offline',
      },
      pipeline.ctx,
    );
    expect(unknown.brief.sourceNote.outlet).toMatchObject({
      name: 'Harbour Gazette',
      inRegistry: false,
      country: null,
      kind: null,
    });
  });

  it('warns when every attributed claim rests on one party', async () => {
    const oneSpeaker =
      'Drills end\n\nThe navy spokesman Ilse Marrow said the frigates fired twelve missiles on Monday. Marrow said every missile hit its target. She added that the drills would resume in spring.';
    const result = await makeBrief({ source: { kind: 'text', text: oneSpeaker }, engine: 'offline' }, pipeline.ctx);
    expect(result.brief.sourceNote.caveats[0]).toMatch(/^Every attributed claim rests on one party \(.*Marrow.*\)/);
  });
});
