import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUILD, NEWS, OFF_TOPIC, startTestBot, type TestBot } from './helpers/test-bot.js';
import { chatInput } from './stand-ins/discord/interactions.js';
import { message, PERMISSIONS, user } from './stand-ins/discord/payloads.js';

const admin = {
  guildId: GUILD.id,
  channelId: OFF_TOPIC,
  userId: '1200000000000000050',
  permissions: PERMISSIONS.viewAndSend | PERMISSIONS.manageGuild,
};
const member = { guildId: GUILD.id, channelId: OFF_TOPIC, userId: '1200000000000000051' };

async function config(
  t: TestBot,
  actor: typeof member,
  subcommand: string,
  options: Record<string, string | boolean> = {},
) {
  const interaction = chatInput(actor, 'sitrep', options, ['config', subcommand]);
  t.discord.inject('INTERACTION_CREATE', interaction);
  return (await t.waitForCall((c) => c.path.includes(interaction.token))).body;
}

describe('admin configuration', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a member without Manage Server and changes nothing', async () => {
    const reply = await config(t, member, 'allow-channel', { channel: NEWS });
    expect(reply).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(reply.data.content).toBe('⚠️ You need the Manage Server permission to change Sitrep’s settings.');
    expect(await t.bot.ctx.settings.get(GUILD.id)).toMatchObject({ allowedChannels: [] });
  });

  it('limits the bot to allowed channels at once, and the note names where it may be used', async () => {
    const reply = await config(t, admin, 'allow-channel', { channel: NEWS });
    expect(reply.data.content).toBe(`Sitrep now works in <#${NEWS}>.`);
    expect(reply.data.embeds[0].fields[0]).toMatchObject({ name: 'Channels', value: `<#${NEWS}>` });

    const elsewhere = chatInput({ ...member, channelId: OFF_TOPIC }, 'summarize', {
      text: 'A spokesman said the drills ended on Friday after a storm hit the coast. He said the ships were back in port.',
    });
    t.discord.inject('INTERACTION_CREATE', elsewhere);
    const note = await t.waitForCall((c) => c.path.includes(elsewhere.token));
    expect(note.body).toMatchObject({
      type: 4,
      data: { flags: 64, content: `Sitrep is set to work only in <#${NEWS}> on this server.` },
    });
    expect(t.discord.calls.filter((c) => c.path.includes(elsewhere.token))).toHaveLength(1);
  });

  it('keeps an admin’s change across a restart', async () => {
    await config(t, admin, 'claims-emoji', { emoji: '📋' });
    await config(t, admin, 'default-length', { length: 'detailed' });
    await t.restart();
    const shown = await config(t, admin, 'show');
    const fields = Object.fromEntries(
      shown.data.embeds[0].fields.map((f: { name: string; value: string }) => [f.name, f.value]),
    );
    expect(fields).toMatchObject({ Channels: `<#${NEWS}>`, 'Claims emoji': '📋', 'Default length': 'detailed' });
  });

  it('tells the admin that auto-summarize needs the Message Content intent when the bot lacks it', async () => {
    const reply = await config(t, admin, 'auto-summarize', { channel: NEWS, enabled: true });
    expect(reply.data.content).toContain(`News links posted in <#${NEWS}> now get a brief.`);
    expect(reply.data.content).toContain('needs the Message Content intent');
  });
});

describe('auto-summarize with the Message Content intent granted', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ env: { SITREP_MESSAGE_CONTENT: 'true' }, applicationFlags: 1 << 18 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('asks for the intent, and briefs a news link posted in the channel without a command', async () => {
    expect(t.discord.identifies[0].intents & (1 << 15)).toBeTruthy();
    const reply = await config(t, admin, 'auto-summarize', { channel: NEWS, enabled: true });
    expect(reply.data.content).not.toContain('Message Content');

    const posted = message({
      channelId: NEWS,
      guildId: GUILD.id,
      author: user('1200000000000000060', 'poster'),
      content: `New story: ${t.fixtures.url}/news/drone-intercept`,
    });
    t.discord.inject('MESSAGE_CREATE', posted);
    const brief = await t.waitForCall(
      (c) =>
        c.method === 'POST' &&
        c.path === `/channels/${NEWS}/messages` &&
        c.body?.message_reference?.message_id === posted.id,
    );
    expect(brief.body.embeds[0].fields[0].value).toContain('Harbour Defence Review');
    expect(brief.body.components[0].components[0].label).toMatch(/^Claims \(\d+\)$/);

    const chatter = message({
      channelId: OFF_TOPIC,
      guildId: GUILD.id,
      author: user('1200000000000000060', 'poster'),
      content: `${t.fixtures.url}/news/drone-intercept`,
    });
    t.discord.inject('MESSAGE_CREATE', chatter);
    await new Promise((r) => setTimeout(r, 300));
    expect(t.discord.calls.some((c) => c.body?.message_reference?.message_id === chatter.id)).toBe(false);
  });
});
