import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedsSize } from '../src/discord/render/discord-text.js';
import { briefsAndComparisons, isComparisonRequest } from './helpers/comparison-responder.js';
import { GUILD, NEWS, STAFF_ONLY, startTestBot, type TestBot } from './helpers/test-bot.js';
import type { RecordedCall } from './stand-ins/discord/discord-stand-in.js';
import { buttonPress, chatInput, type OptionValue } from './stand-ins/discord/interactions.js';
import { message, user } from './stand-ins/discord/payloads.js';

const reader = { guildId: GUILD.id, channelId: NEWS };
type StoredMessage = ReturnType<typeof message>;
type Button = { label?: string; custom_id?: string; style: number };

let t: TestBot;
beforeAll(async () => {
  // With the Message Content intent, so /compare can read the links in a member's message.
  t = await startTestBot({ env: { SITREP_MESSAGE_CONTENT: 'true' }, applicationFlags: 1 << 18 });
  t.api.setDefault(briefsAndComparisons);
});
afterAll(async () => {
  await t.close();
});

const page = (slug: string) => `${t.fixtures.url}/stories/${slug}`;
const buttonsOf = (msg: StoredMessage) => (msg.components[0] as { components: Button[] }).components;
const compareRequests = () => t.api.requests.filter(isComparisonRequest);

/** Runs /summarize on a link and returns the brief message as the stand-in stored it. */
async function summarize(url: string): Promise<StoredMessage> {
  const interaction = chatInput(reader, 'summarize', { url });
  t.discord.inject('INTERACTION_CREATE', interaction);
  await t.waitForCall((c) => c.method === 'PATCH' && c.path.includes(interaction.token) && c.body?.embeds?.length > 0);
  return t.discord.messages.get(`webhook:${interaction.token}:@original`) as StoredMessage;
}

/** Presses a button; the private answer, whether given at once or edited in after a deferral. */
async function press(customId: string, on: StoredMessage): Promise<{ deferral?: RecordedCall; answer: RecordedCall }> {
  const interaction = buttonPress(reader, customId, on);
  t.discord.inject('INTERACTION_CREATE', interaction);
  const first = await t.waitForCall((c) => c.path.includes(interaction.token) && c.path.endsWith('/callback'));
  if (first.body.type === 4) return { answer: first };
  const answer = await t.waitForCall((c) => c.method === 'PATCH' && c.path.includes(interaction.token), 20_000);
  return { deferral: first, answer };
}

/** Embed characters as Discord counts them towards a message's 6,000. */

describe('Compare coverage', () => {
  let second: StoredMessage;

  it('appears on the second outlet’s brief of an event, counting outlets, and not on an unrelated brief', async () => {
    const first = await summarize(page('krymsk-tass'));
    expect(buttonsOf(first).map((b) => b.label)).not.toContainEqual(expect.stringMatching(/^Compare/));
    second = await summarize(page('krymsk-ukrinform'));
    const compare = buttonsOf(second).find((b) => b.label?.startsWith('Compare'));
    expect(compare).toMatchObject({
      label: 'Compare coverage (1)',
      custom_id: expect.stringMatching(/^story:compare:[0-9a-f]{64}$/),
    });
    const unrelated = await summarize(page('minehunters-defensenews'));
    expect(buttonsOf(unrelated).map((b) => b.label)).toEqual([
      expect.stringMatching(/^Claims/),
      'Source note',
      'What I read',
      'Original',
    ]);
  });

  it('answers privately with the comparison within Discord’s limits, conflicts first, pinging nobody', async () => {
    const compare = buttonsOf(second).find((b) => b.label?.startsWith('Compare'))?.custom_id ?? '';
    const { deferral, answer } = await press(compare, second);
    expect(deferral?.body).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(compareRequests()).toHaveLength(1);
    const [embed] = answer.body.embeds;
    expect(embed.title).toBe(
      'Coverage compared: Air defence systems destroy 23 Ukrainian drones over Krasnodar Region',
    );
    const lines = embed.description.split('\n');
    expect(lines[0]).toBe('**Where the accounts conflict**');
    expect(lines[1]).toBe('__What happened at the site__ · different accounts: TASS; Ukrinform');
    expect(lines[2]).toMatch(/^• \*\*TASS\*\*: The speaker made a statement reported in the article\. — “.+”$/);
    expect(lines[3]).toMatch(/^• \*\*Ukrinform\*\*: /);
    expect(embed.description).toContain('**Reported by one outlet only**');
    expect(embed.fields[0]).toMatchObject({ name: 'Compared (2)' });
    expect(embed.fields[1].value).toContain(
      '**Covered by:** TASS (Russia, state-controlled) · Ukrinform (Ukraine, state-controlled)',
    );
    expect(embed.fields[1].value).toContain('**Not yet:** No wire service has covered it so far.');
    expect(embedsSize(answer.body.embeds)).toBeLessThanOrEqual(6000);
    expect(answer.body.allowed_mentions).toEqual({ parse: [] });
    expect(answer.body.components[0].components[0]).toMatchObject({ label: 'Full comparison' });
  });

  it('still answers after a restart, from the stored comparison, and opens the full comparison', async () => {
    const compare = buttonsOf(second).find((b) => b.label?.startsWith('Compare'))?.custom_id ?? '';
    const before = await press(compare, second);
    await t.restart();
    const after = await press(compare, second);
    expect(after.answer.body.embeds[0].description).toBe(before.answer.body.embeds[0].description);
    expect(after.answer.body.embeds[0].footer.text).toMatch(/from cache$/);
    expect(compareRequests()).toHaveLength(1);

    const full = after.answer.body.components[0].components[0].custom_id;
    expect(full).toMatch(/^story:full:[0-9a-f]{64}$/);
    const { answer } = await press(full, second);
    expect(answer.body).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    const embeds = answer.body.data.embeds;
    expect(embeds[0].title).toMatch(/^Full comparison: /);
    expect(embeds[0].description).toMatch(/^\*\*1\. TASS\*\* \(Russia, state-controlled\): \[Air defence/);
    expect(embeds[1].description).toMatch(/^\*\*Where the accounts conflict\*\*\n__What happened at the site__/);
    expect(embedsSize(embeds)).toBeLessThanOrEqual(6000);
  });
});

/** Runs /compare; the calls on its interaction until its answer (a refusal, or the final edit). */
async function compare(options: Record<string, OptionValue>) {
  const interaction = chatInput(reader, 'compare', options);
  t.discord.inject('INTERACTION_CREATE', interaction);
  const answer = await t.waitForCall(
    (c) =>
      c.path.includes(interaction.token) &&
      ((c.method === 'POST' && c.body?.type === 4) ||
        (c.method === 'PATCH' && (c.body?.embeds?.length > 0 || /^(⚠️|None of)/.test(c.body?.content ?? '')))),
    30_000,
  );
  return { answer, calls: t.callsFor(interaction.token) };
}

describe('/compare', () => {
  it('compares three links of one event as one story and names the unrelated link', async () => {
    const links = ['krymsk-tass', 'krymsk-ukrinform', 'krymsk-reuters', 'minehunters-defensenews'].map(page).join(' ');
    const { answer, calls } = await compare({ links });
    expect(calls[0]?.body).toMatchObject({ type: 5 });
    expect(calls[0]?.body.data?.flags ?? 0).toBe(0);
    const progress = calls
      .filter((c) => c.method === 'PATCH' && c.body?.content?.startsWith('⏳'))
      .map((c) => c.body.content);
    expect(progress[0]).toBe('⏳ Briefing 4 links…');
    expect(progress).toContain('⏳ Briefed 4 of 4 links…');
    expect(progress.at(-1)).toBe('⏳ Comparing 1 story…');

    expect(answer.body.content).toBe(
      [
        'Link 1 (TASS), link 2 (Ukrinform) and link 3 (Reuters) report one story; their coverage is compared (below).',
        'Link 4 (Defense News) shares no story with the other links.',
      ].join('\n'),
    );
    expect(answer.body.embeds).toHaveLength(1);
    const [embed] = answer.body.embeds;
    expect(embed.description.split('\n').slice(0, 2)).toEqual([
      '**Where the accounts conflict**',
      '__What happened at the site__ · different accounts: TASS; Ukrinform; Reuters',
    ]);
    expect(embed.fields[0].name).toBe('Compared (3)');
    expect(embed.fields[1].value).toContain('Reuters (United Kingdom, wire)');
    expect(embed.fields[1].value).not.toContain('No wire service');
    expect(embedsSize(answer.body.embeds)).toBeLessThanOrEqual(6000);
    expect(answer.body.allowed_mentions).toEqual({ parse: [] });
    expect(answer.body.components[0].components.map((b: Button) => b.label)).toEqual(['Full comparison']);
  });

  it('refuses one link or six, privately and in one sentence, before briefing anything', async () => {
    const fetched = t.fixtures.log.length;
    const one = await compare({ links: page('krymsk-tass') });
    expect(one.answer.body).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    expect(one.answer.body.data.content).toBe(
      '⚠️ Give `/compare` two to five article links separated by spaces, or one link to a message that holds them; that was one link.',
    );
    const six = await compare({
      links: Array.from({ length: 6 }, (_, i) => `${page('krymsk-tass')}?copy=${i}`).join(' '),
    });
    expect(six.answer.body.data.content).toMatch(
      /^⚠️ Give `\/compare` two to five article links .*; that was 6 links\.$/,
    );
    expect(t.fixtures.log.length).toBe(fetched);
  });

  it('takes the links from a linked message, and only from a channel the member can see', async () => {
    const held = t.discord.seedMessage(
      message({
        channelId: NEWS,
        guildId: GUILD.id,
        author: user('1200000000000000042', 'analyst'),
        content: `Two takes on last night: ${page('krymsk-tass')} and <${page('krymsk-reuters')}>`,
      }),
    );
    const { answer } = await compare({
      links: `https://discord.com/channels/${GUILD.id}/${NEWS}/${held.id}`,
      private: true,
    });
    expect(answer.body.content).toBe(
      'Link 1 (TASS) and link 2 (Reuters) report one story; their coverage is compared (below).',
    );
    expect(answer.body.embeds[0].fields[0].name).toBe('Compared (2)');

    const hidden = t.discord.seedMessage(
      message({
        channelId: STAFF_ONLY,
        guildId: GUILD.id,
        content: `${page('krymsk-tass')} ${page('krymsk-reuters')}`,
      }),
    );
    const refused = await compare({ links: `https://discord.com/channels/${GUILD.id}/${STAFF_ONLY}/${hidden.id}` });
    expect(refused.answer.body.content).toBe(
      '⚠️ That message is not one Sitrep can read for you: it must be in this server, in a channel you can see.',
    );
  });

  it('says so when no two links share a story', async () => {
    const { answer } = await compare({ links: `${page('krymsk-tass')} ${page('minehunters-defensenews')}` });
    expect(answer.body.content).toBe(
      [
        'None of these links report one story from two outlets or more, so there is nothing to compare.',
        'Link 1 (TASS) shares no story with the other links.',
        'Link 2 (Defense News) shares no story with the other links.',
      ].join('\n'),
    );
    expect(answer.body.embeds).toEqual([]);
  });
});

describe('hostile text', () => {
  it('shows a hostile report’s words inert, and nothing Sitrep sent in these scenarios could ping anyone', async () => {
    const { answer } = await compare({ links: `${page('krymsk-tass')} ${page('krymsk-hostile')}` });
    expect(answer.body.content).toBe(
      'Link 1 (TASS) and link 2 (Frontline Watch @\u200beveryone) report one story; their coverage is compared (below).',
    );
    const shown = JSON.stringify(answer.body.embeds);
    expect(shown).toContain('@\u200beveryone the Krymsk station is \\\\*\\\\*burning\\\\*\\\\*');
    expect(shown).not.toMatch(/(?<!\u200b)@everyone/);
    expect(shown).not.toMatch(/<@&\d/);
    expect(shown).not.toMatch(/(?<!\\\\)\[look here\]/);

    const sent = t.discord.calls.filter((c) => {
      const body = c.body?.data ?? c.body;
      return ['POST', 'PATCH'].includes(c.method) && (body?.content || body?.embeds?.length);
    });
    expect(sent.length).toBeGreaterThan(10);
    for (const call of sent) {
      expect((call.body?.data ?? call.body).allowed_mentions, `${call.method} ${call.path}`).toMatchObject({
        parse: [],
      });
    }
  });
});
