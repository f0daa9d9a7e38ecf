import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUILD, NEWS, NO_THREADS, startTestBot, type TestBot } from './helpers/test-bot.js';
import { buttonPress, chatInput, messageContextMenu, reactionAdd } from './stand-ins/discord/interactions.js';
import { message, user } from './stand-ins/discord/payloads.js';

const seed = readFileSync(new URL('../examples/tehran-times-bagheri.txt', import.meta.url), 'utf8');
const reader = { guildId: GUILD.id, channelId: NEWS };

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t.close();
});

/** Runs /summarize and returns the brief message as the stand-in stored it. */
async function postBrief(text: string) {
  const interaction = chatInput(reader, 'summarize', { text });
  t.discord.inject('INTERACTION_CREATE', interaction);
  await t.waitForCall((c) => c.method === 'PATCH' && c.path.includes(interaction.token) && c.body?.embeds?.length > 0);
  return t.discord.messages.get(`webhook:${interaction.token}:@original`) as ReturnType<typeof message>;
}

async function pressClaims(briefMessage: ReturnType<typeof message>) {
  const customId =
    (briefMessage.components[0] as { components: { custom_id: string }[] }).components[0]?.custom_id ?? '';
  const press = buttonPress(reader, customId, briefMessage);
  t.discord.inject('INTERACTION_CREATE', press);
  return t.waitForCall((c) => c.path.includes(press.token) && c.path.endsWith('/callback'));
}

async function react(messageId: string, channelId: string, userId: string) {
  const before = t.discord.calls.length;
  t.discord.inject('MESSAGE_REACTION_ADD', reactionAdd({ guildId: GUILD.id, channelId, userId }, messageId, '🧾'));
  return before;
}

describe('claims on demand', () => {
  it('the Claims button answers privately from the stored brief, with no model call, before and after a restart', async () => {
    const brief = await postBrief(`${seed}\nButton run.`);
    const modelCalls = t.api.requests.length;

    const answer = await pressClaims(brief);
    expect(answer.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(answer.body.data.embeds[0].title).toContain('Claims:');
    expect(answer.body.data.embeds[0].description).toContain('**1. Stand-in Speaker (spokesperson)**');

    await t.restart();
    const afterRestart = await pressClaims(brief);
    expect(afterRestart.body.data.embeds[0].description).toEqual(answer.body.data.embeds[0].description);
    expect(t.api.requests.length).toBe(modelCalls);
  });

  it('the 🧾 reaction on a brief posts its claims in a thread, once however many react, and again after a restart', async () => {
    const brief = await postBrief(`${seed}\nReaction run.`);
    await react(brief.id, NEWS, '1200000000000000005');
    await react(brief.id, NEWS, '1200000000000000006');
    const thread = await t.waitForCall(
      (c) => c.method === 'POST' && c.path === `/channels/${NEWS}/messages/${brief.id}/threads`,
    );
    expect(thread.body.name).toMatch(/^Claims: /);
    const posted = await t.waitForCall(
      (c) =>
        c.method === 'POST' &&
        /^\/channels\/\d+\/messages$/.test(c.path) &&
        c.body?.embeds?.[0]?.title?.startsWith('Claims:'),
    );
    expect(posted.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    await new Promise((r) => setTimeout(r, 300));
    expect(t.discord.calls.filter((c) => c.path.endsWith(`/messages/${brief.id}/threads`))).toHaveLength(1);

    await t.restart();
    const second = await postBrief(`${seed}\nAfter restart.`);
    await react(second.id, NEWS, '1200000000000000005');
    await t.waitForCall((c) => c.path === `/channels/${NEWS}/messages/${second.id}/threads`);
    await react(brief.id, NEWS, '1200000000000000007');
    await new Promise((r) => setTimeout(r, 300));
    expect(t.discord.calls.filter((c) => c.path.endsWith(`/messages/${brief.id}/threads`))).toHaveLength(1);
  });

  it('a reaction on an old member message with a link briefs the link and replies where threads are not allowed', async () => {
    const old = t.discord.seedMessage(
      message({
        channelId: NO_THREADS,
        guildId: GUILD.id,
        author: user('1200000000000000009', 'poster'),
        content: `Look: ${t.fixtures.url}/news/drone-intercept`,
      }),
    );
    await react(old.id, NO_THREADS, '1200000000000000005');
    await t.waitForCall((c) => c.method === 'GET' && c.path === `/channels/${NO_THREADS}/messages/${old.id}`);
    const reply = await t.waitForCall(
      (c) =>
        c.method === 'POST' &&
        c.path === `/channels/${NO_THREADS}/messages` &&
        c.body?.message_reference?.message_id === old.id,
    );
    expect(reply.body.embeds[0].description).toContain('Our crew tracked every one of them');
    expect(t.discord.calls.some((c) => c.path.endsWith(`/messages/${old.id}/threads`))).toBe(false);
  });

  it('ignores other emoji', async () => {
    const brief = await postBrief(`${seed}\nOther emoji.`);
    t.discord.inject('MESSAGE_REACTION_ADD', reactionAdd(reader, brief.id, '👍'));
    await new Promise((r) => setTimeout(r, 300));
    expect(t.discord.calls.some((c) => c.path.endsWith(`/messages/${brief.id}/threads`))).toBe(false);
  });
});

describe('"What I read"', () => {
  it('shows privately the beginning of the text the brief was made from, and its length', async () => {
    const brief = await postBrief(`${seed}\nRead run.`);
    const customId = (brief.components[0] as { components: { custom_id?: string; label: string }[] }).components.find(
      (b) => b.label === 'What I read',
    )?.custom_id;
    const press = buttonPress(reader, customId ?? '', brief);
    t.discord.inject('INTERACTION_CREATE', press);
    const answer = await t.waitForCall((c) => c.path.includes(press.token) && c.path.endsWith('/callback'));
    expect(answer.body).toMatchObject({ type: 4, data: { flags: 64 } });
    const embed = answer.body.data.embeds[0];
    expect(embed.title).toBe('What Sitrep read: World powers trying to buy arms from Iran: military chief');
    expect(embed.description.startsWith('TEHRAN – A top Iranian military commander has said')).toBe(true);
    expect(embed.footer.text).toMatch(/^\d+ words read$/);
  });
});

describe('the "Summarize article" context menu', () => {
  it('briefs the link in the chosen message', async () => {
    const target = message({
      channelId: NEWS,
      guildId: GUILD.id,
      author: user('1200000000000000009', 'poster'),
      content: `${t.fixtures.url}/news/drone-intercept is worth a read`,
    });
    const interaction = messageContextMenu(reader, 'Summarize article', target);
    t.discord.inject('INTERACTION_CREATE', interaction);
    const final = await t.waitForCall(
      (c) => c.method === 'PATCH' && c.path.includes(interaction.token) && c.body?.embeds?.length > 0,
    );
    expect(t.callsFor(interaction.token)[0]?.body).toMatchObject({ type: 5 });
    expect(final.body.embeds[0].fields[0].value).toContain('Harbour Defence Review');
  });

  it('says so when the message has nothing to summarize', async () => {
    const target = message({
      channelId: NEWS,
      guildId: GUILD.id,
      author: user('1200000000000000009', 'poster'),
      content: 'lol',
    });
    const interaction = messageContextMenu(reader, 'Summarize article', target);
    t.discord.inject('INTERACTION_CREATE', interaction);
    const reply = await t.waitForCall((c) => c.path.includes(interaction.token));
    expect(reply.body.data.content).toBe('⚠️ That message has no link and too little text to summarize.');
  });
});
