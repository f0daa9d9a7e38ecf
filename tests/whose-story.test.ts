import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBrief } from '../src/brief/make-brief.js';
import { renderBriefMarkdown } from '../src/cli/render-markdown.js';
import { renderBriefMessage } from '../src/discord/render/render-brief.js';
import { createTestPipeline } from './helpers/test-pipeline.js';

const wireCopy = readFileSync(new URL('./fixtures/wire/reuters-on-broadcaster.html', import.meta.url), 'utf8');
const ownStory = wireCopy
  .replace('ISTANBUL, Nov 2 (Reuters) - ', '')
  .replace('<p>(Reporting by Ayla Demir; Editing by Tom Harlow)</p>', '')
  .replaceAll('told Reuters', 'told TRT World');

let pipeline: ReturnType<typeof createTestPipeline>;
afterEach(async () => {
  await pipeline?.close();
});

const brief = async (html: string, url: string) => {
  pipeline = createTestPipeline({ SITREP_ENGINE: 'offline' });
  return (await makeBrief({ source: { kind: 'html', html, url } }, pipeline.ctx)).brief;
};

describe('whose story it is', () => {
  it('names the wire as the source of wire copy, with the carrying site beside it', async () => {
    const { sourceNote } = await brief(wireCopy, 'https://www.trtworld.com/world/border-shelling-12345');
    expect(sourceNote.outlet).toMatchObject({ name: 'Reuters', kind: 'wire', inRegistry: true });
    expect(sourceNote.carriedBy).toMatchObject({
      name: 'TRT World',
      kind: 'state-funded public broadcaster',
      domain: 'trtworld.com',
    });
    expect(sourceNote.wireEvidence).toMatch(/\(Reuters\)/);
  });

  it('says so in every door’s source note', async () => {
    const made = await brief(wireCopy, 'https://www.trtworld.com/world/border-shelling-12345');
    const line =
      /Reuters: wire, United Kingdom, owner: [^\n]+ \(wire copy, carried by TRT World: state-funded public broadcaster, Turkey/;
    expect(renderBriefMarkdown(made, false)).toMatch(line);
    expect(renderBriefMessage(made, false).embeds[0]?.fields?.[0]?.value).toMatch(line);
  });

  it('keeps the site’s own story as the site’s, even when it mentions the wire', async () => {
    const { sourceNote } = await brief(
      ownStory.replace('Diplomats from', 'Reuters reported that diplomats from'),
      'https://www.trtworld.com/world/border-shelling-12345',
    );
    expect(sourceNote.outlet.name).toBe('TRT World');
    expect(sourceNote.carriedBy).toBeNull();
  });

  it('on the wire’s own site, the story is simply the wire’s', async () => {
    const { sourceNote } = await brief(wireCopy, 'https://www.reuters.com/world/border-shelling-2026-11-02/');
    expect(sourceNote.outlet.name).toBe('Reuters');
    expect(sourceNote.carriedBy).toBeNull();
  });
});
