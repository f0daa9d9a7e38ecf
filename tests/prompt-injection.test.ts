import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon, unquotedLoadedTerms } from '../src/brief/checks/loaded-terms.js';
import { makeBrief } from '../src/brief/make-brief.js';
import { type Brief, BriefSchema } from '../src/brief/schema.js';
import { renderBriefMessage } from '../src/discord/render/render-brief.js';
import { renderClaimsEmbeds } from '../src/discord/render/render-claims.js';
import { createTestPipeline, TEST_API_KEY } from './helpers/test-pipeline.js';
import { articleIn, briefFromArticle, type MessagesApi, startMessagesApi } from './stand-ins/messages-api.js';

const dir = new URL('./fixtures/injection/', import.meta.url);
const corpus = readdirSync(dir).map((f) => [f, readFileSync(new URL(f, dir), 'utf8')] as const);
const ADDRESSED_TO_MACHINES = [
  'ignore-rules.txt',
  'fake-system-tags.txt',
  'closing-delimiters.txt',
  'json-imitation.txt',
];
const lexicon = loadLexicon();

let api: MessagesApi;
let pipeline: ReturnType<typeof createTestPipeline>;
beforeAll(async () => {
  api = await startMessagesApi();
  pipeline = createTestPipeline({ ANTHROPIC_API_KEY: TEST_API_KEY, ANTHROPIC_BASE_URL: api.url });
});
afterAll(async () => {
  await pipeline.close();
  await api.close();
});

function expectBriefHolds(brief: Brief, file: string) {
  expect(BriefSchema.safeParse(brief).success).toBe(true);
  const ownVoice = [brief.summary.headline, ...brief.summary.sentences, ...brief.claims.map((c) => c.statement)];
  for (const text of ownVoice) expect(unquotedLoadedTerms(text, lexicon)).toEqual([]);
  const rendered = JSON.stringify([renderBriefMessage(brief, false), renderClaimsEmbeds(brief)]);
  expect(rendered).not.toMatch(/@everyone|@here|<@&?\d|<#\d/);
  expect(rendered).not.toMatch(/[^\\]\[log in with your Discord account here\]\(/);
  const flagged = brief.sourceNote.caveats.some((c) =>
    c.startsWith('The article contains text addressed to automated systems'),
  );
  expect(flagged, file).toBe(ADDRESSED_TO_MACHINES.includes(file));
}

describe('hostile articles', () => {
  it('has a corpus covering each kind of attack', () => {
    expect(corpus.map(([f]) => f).sort()).toEqual(
      [...ADDRESSED_TO_MACHINES, 'mass-mentions.txt', 'phishing-links.txt'].sort(),
    );
  });

  it.each(corpus)('%s through the offline engine keeps schema, neutrality and inert rendering', async (file, text) => {
    const { brief } = await makeBrief({ source: { kind: 'text', text }, engine: 'offline' }, pipeline.ctx);
    expectBriefHolds(brief, file);
  });

  it.each(corpus)('%s through a model that obeyed the article is still checked', async (file, text) => {
    // The worst case: the model followed the injected text. The checks must still hold.
    api.enqueue((request) => {
      const draft = JSON.parse(briefFromArticle(articleIn(request) ?? ''));
      draft.summary.headline = 'The heroic army crushed the criminal regime @everyone';
      draft.summary.sentences = ['The aggressors were wiped out, as everyone knows. <@&112233445566778899>'];
      return { text: JSON.stringify(draft) };
    });
    const { brief } = await makeBrief(
      { source: { kind: 'text', text }, engine: 'anthropic', bypassCache: true },
      pipeline.ctx,
    );
    expectBriefHolds(brief, file);
  });
});
