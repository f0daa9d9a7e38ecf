import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUILD, NEWS, startTestBot, type TestBot } from './helpers/test-bot.js';
import { chatInput } from './stand-ins/discord/interactions.js';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ env: { SITREP_ENGINE: 'offline' } });
});
afterAll(async () => {
  await t.close();
});

const hostile = [
  'Ping test for everyone here',
  '',
  'The ministry said on Monday that @everyone in the region should prepare, and <@&123456789012345678> must report to <@987654321098765432> at once.',
  '',
  'A spokesman said the **new** rules were __final__ and that readers should [click here to verify](https://evil.example/login) before the deadline passes.',
  '',
  'Officials said @here the drills would continue through the week across the northern districts.',
].join('\n');

describe('article text in Discord', () => {
  it('renders mentions and Markdown inertly and never allows a ping', async () => {
    const interaction = chatInput({ guildId: GUILD.id, channelId: NEWS }, 'summarize', { text: hostile });
    t.discord.inject('INTERACTION_CREATE', interaction);
    const final = await t.waitForCall(
      (c) => c.method === 'PATCH' && c.path.includes(interaction.token) && c.body?.embeds?.length > 0,
    );
    expect(final.body.allowed_mentions).toEqual({ parse: [] });
    const text = JSON.stringify(final.body.embeds);
    expect(text).not.toMatch(/@everyone|@here/);
    expect(text).toContain('@\u200beveryone');
    expect(text).not.toContain('<@&123456789012345678>');
    expect(text).not.toContain('<@987654321098765432>');
    // A masked link shows as text: its opening bracket is escaped.
    expect(text).toContain('\\\\[click here to verify](https');
    expect(text).not.toMatch(/[^\\]\[click here to verify\]\(/);
    expect(text).toContain('\\\\*\\\\*new\\\\*\\\\*');
    expect(final.body.embeds[0].footer.text).toContain('offline engine');
  });
});
