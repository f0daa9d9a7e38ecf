import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUILD, NEWS, startTestBot, type TestBot } from './helpers/test-bot.js';
import { chatInput } from './stand-ins/discord/interactions.js';
import { articleIn, briefFromArticle } from './stand-ins/messages-api.js';

const seed = readFileSync(new URL('../examples/tehran-times-bagheri.txt', import.meta.url), 'utf8');
const reader = { guildId: GUILD.id, channelId: NEWS };

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t.close();
});

function finalEdit(token: string) {
  return t.waitForCall((c) => c.method === 'PATCH' && c.path.includes(token) && (c.body?.embeds?.length ?? 0) > 0);
}

describe('/summarize through the real discord.js client', () => {
  it('logs in through the stand-in gateway with the intents it needs', () => {
    expect(t.discord.identifies).toHaveLength(1);
    const intents = t.discord.identifies[0].intents;
    expect(intents & (1 << 0)).toBeTruthy();
    expect(intents & (1 << 9)).toBeTruthy();
    expect(intents & (1 << 10)).toBeTruthy();
    expect(intents & (1 << 15)).toBe(0);
  });

  it('defers before any slow work, shows progress, then the brief with its buttons', async () => {
    t.api.setDefault(async (request) => {
      await new Promise((r) => setTimeout(r, 300));
      return { text: briefFromArticle(articleIn(request) ?? '') };
    });
    const url = `${t.fixtures.url}/news/drone-intercept`;
    const interaction = chatInput(reader, 'summarize', { url });
    t.discord.inject('INTERACTION_CREATE', interaction);
    const final = await finalEdit(interaction.token);

    const calls = t.callsFor(interaction.token);
    const defer = calls[0];
    expect(defer?.path).toBe(`/interactions/${interaction.id}/${interaction.token}/callback`);
    expect(defer?.body).toMatchObject({ type: 5 });
    const fetchedAt = t.fixtures.log.find((l) => l.path === '/news/drone-intercept')?.at ?? 0;
    expect(defer?.at).toBeLessThan(fetchedAt);
    expect(defer?.at).toBeLessThan(t.api.requests.at(-1)?.at ?? 0);
    const progress = calls.filter((c) => c.method === 'PATCH').map((c) => c.body.content);
    expect(progress.slice(0, 3)).toEqual(['⏳ Fetching the page…', '⏳ Reading the article…', '⏳ Summarizing…']);

    const embed = final.body.embeds[0];
    expect(embed.title).toBe('Stand-in headline: an official said something');
    expect(embed.description).toContain('• The article reports:');
    expect(embed.fields[0].name).toBe('Source note');
    expect(embed.fields[0].value).toContain('Harbour Defence Review');
    expect(embed.footer.text).toMatch(/^Harbour Defence Review · 2026-11-20 · claude-haiku-4-5 · fresh$/);
    expect(embed.url).toBe(url);
    const buttons = final.body.components[0].components;
    expect(buttons.map((b: { label: string }) => b.label)).toEqual([
      'Claims (2)',
      'Source note',
      'What I read',
      'Original',
    ]);
    expect(buttons[0].custom_id).toMatch(/^brief:claims:[0-9a-f]{64}$/);
    expect(final.body.allowed_mentions).toEqual({ parse: [] });
    t.api.setDefault((request) => ({ text: briefFromArticle(articleIn(request) ?? '') }));
  });

  it('answers pasted text, and a second identical request from the cache with no model call', async () => {
    const first = chatInput(reader, 'summarize', { text: seed, length: 'short' });
    t.discord.inject('INTERACTION_CREATE', first);
    expect((await finalEdit(first.token)).body.embeds[0].footer.text).toMatch(/ · fresh$/);
    const modelCalls = t.api.requests.length;

    const second = chatInput({ ...reader, userId: '1200000000000000002' }, 'summarize', {
      text: seed,
      length: 'short',
    });
    t.discord.inject('INTERACTION_CREATE', second);
    expect((await finalEdit(second.token)).body.embeds[0].footer.text).toMatch(/ · from cache$/);
    expect(t.api.requests.length).toBe(modelCalls);
  });

  it('answers with the offline engine, labelled, when the model fails', async () => {
    t.api.enqueue(() => ({ status: 529, body: { type: 'error', error: { type: 'overloaded_error', message: 'x' } } }));
    const interaction = chatInput(reader, 'summarize', { text: `${seed}\nModel down.` });
    t.discord.inject('INTERACTION_CREATE', interaction);
    const final = await finalEdit(interaction.token);
    expect(final.body.embeds[0].footer.text).toContain('offline engine (model unavailable) · fresh');
  });

  it('makes the brief private when asked', async () => {
    const interaction = chatInput(reader, 'summarize', { text: seed, private: true });
    t.discord.inject('INTERACTION_CREATE', interaction);
    await finalEdit(interaction.token);
    expect(t.callsFor(interaction.token)[0]?.body).toMatchObject({ type: 5, data: { flags: 64 } });
  });

  it('says clearly when neither or both of url and text are given, without deferring', async () => {
    for (const options of [{}, { url: 'https://example.com/a', text: 'some text' }] as Record<string, string>[]) {
      const interaction = chatInput(reader, 'summarize', options);
      t.discord.inject('INTERACTION_CREATE', interaction);
      const reply = await t.waitForCall((c) => c.path.includes(interaction.token));
      expect(reply.body).toMatchObject({ type: 4, data: { flags: 64 } });
      expect(reply.body.data.content).toBe(
        '⚠️ Give exactly one of `url` (a link to the article) or `text` (the article pasted).',
      );
    }
  });

  it('answers a refused URL with one sentence in place of the progress', async () => {
    const interaction = chatInput(reader, 'summarize', { url: 'http://169.254.169.254/latest/meta-data/' });
    t.discord.inject('INTERACTION_CREATE', interaction);
    const reply = await t.waitForCall(
      (c) => c.method === 'PATCH' && c.path.includes(interaction.token) && c.body.content?.startsWith('⚠️'),
    );
    expect(reply.body.content).toBe('⚠️ 169.254.169.254 is a private or reserved address, so it is refused.');
  });
});

describe('/summarize when the model does not answer', () => {
  it('says the model is slow, then posts the offline brief labelled at the deadline', async () => {
    const slow = await startTestBot({ env: { SITREP_MODEL_DEADLINE_MS: '1800' } });
    try {
      slow.api.setDefault(() => ({ text: '{}', delayMs: 60_000 }));
      const interaction = chatInput(reader, 'summarize', { text: seed });
      slow.discord.inject('INTERACTION_CREATE', interaction);
      const final = await slow.waitForCall(
        (c) => c.method === 'PATCH' && c.path.includes(interaction.token) && (c.body?.embeds?.length ?? 0) > 0,
      );
      const progress = slow.callsFor(interaction.token).filter((c) => c.method === 'PATCH' && !c.body.embeds?.length);
      const notice = progress.map((c) => c.body.content).find((text) => text.includes('slow'));
      expect(notice).toMatch(
        /^⏳ The model is slow to answer; an offline brief follows if it has not answered <t:\d+:R>\.$/,
      );
      expect(final.body.embeds[0].footer.text).toContain('offline engine (model too slow) · fresh');
    } finally {
      await slow.close();
    }
  });
});
