import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefsAndComparisons } from './helpers/comparison-responder.js';
import { FORUM, GUILD, NO_THREADS, OFF_TOPIC, startTestBot, type TestBot } from './helpers/test-bot.js';
import type { RecordedCall } from './stand-ins/discord/discord-stand-in.js';
import { chatInput, type OptionValue } from './stand-ins/discord/interactions.js';
import { PERMISSIONS } from './stand-ins/discord/payloads.js';
import { type DeskItem, type FeedServer, startFeedServer } from './stand-ins/feed-server.js';
import { storyArticles } from './stand-ins/fixture-server.js';

const admin = {
  guildId: GUILD.id,
  channelId: OFF_TOPIC,
  userId: '1200000000000000090',
  permissions: PERMISSIONS.viewAndSend | PERMISSIONS.manageGuild,
};

let nextChannel = 1_400_000_000_000_000_300n;
const freshChannel = () => String(nextChannel++);

let t: TestBot;
let feeds: FeedServer;
beforeAll(async () => {
  [t, feeds] = await Promise.all([
    // A lock TTL of 0.5 s makes a post's landing window 1 s, so recovery is quick to see.
    startTestBot({ env: { SITREP_FEED_INTERVAL_S: '3600', SITREP_LOCK_TTL_MS: '500' } }),
    startFeedServer(),
  ]);
  t.api.setDefault(briefsAndComparisons);
});
afterAll(async () => {
  await Promise.all([t.close(), feeds.close()]);
});

/** The reports of the Krymsk strike as feed items carrying their full text, linked to their outlets' sites. */
const report = Object.fromEntries(
  storyArticles('krymsk-strike').map((a): [string, DeskItem] => [
    a.slug,
    { id: a.slug, title: a.title, link: a.link, content: a.text, pubDate: new Date().toUTCString() },
  ]),
) as Record<string, DeskItem>;

async function addFeed(options: Record<string, OptionValue>, channelTypes: Record<string, number> = {}) {
  const interaction = chatInput(admin, 'sitrep', options, ['feed', 'add'], channelTypes);
  t.discord.inject('INTERACTION_CREATE', interaction);
  const answer = await t.waitForCall((c) => c.path.includes(interaction.token) && c.method === 'PATCH', 20_000);
  const id = /\(`([a-z2-9]{5})`\)/.exec(answer.body.content)?.[1];
  if (!id) throw new Error(`no feed added: ${answer.body.content}`);
  return id;
}

/** A desk feed into `channel`, and a way to publish an item and poll the feed at once. */
async function deskInto(name: string, channel: string, channelTypes: Record<string, number> = {}) {
  feeds.desk.set(name, []);
  const id = await addFeed({ url: feeds.desk.url(name), channel }, channelTypes);
  const publish = async (item: DeskItem) => {
    feeds.desk.publish(name, item);
    await t.bot.feeds.pollNow(id);
  };
  return { id, publish };
}

/** The id of the first message posted in a channel. */
const firstMessageIn = (channel: string) => [...t.discord.messages.values()].find((m) => m.channel_id === channel)?.id;

const posts = (path: string) => t.discord.calls.filter((c) => c.method === 'POST' && c.path === path);
const labels = (call: RecordedCall) => call.body.components[0].components.map((b: { label: string }) => b.label);

describe('feed items into story threads', () => {
  it('posts the first report of a story, then each later one as a reply in a thread on it', async () => {
    const channel = freshChannel();
    const { publish } = await deskInto('krymsk', channel);
    await publish(report['krymsk-tass'] as DeskItem);
    const [first] = posts(`/channels/${channel}/messages`);
    expect(first?.body.embeds[0].url).toBe('https://tass.com/defense/2061734');
    const firstId =
      t.discord.calls.length && [...t.discord.messages.values()].find((m) => m.channel_id === channel)?.id;

    await publish(report['krymsk-ukrinform'] as DeskItem);
    expect(posts(`/channels/${channel}/messages`)).toHaveLength(1);
    const opened = posts(`/channels/${channel}/messages/${firstId}/threads`);
    expect(opened).toHaveLength(1);
    expect(opened[0]?.body.name).toBe('Stand-in headline: an official said something');
    const [reply] = posts(`/channels/${firstId}/messages`);
    const [added, brief] = reply?.body.embeds ?? [];
    expect(added.title).toBe('What Ukrinform’s report adds to the story');
    expect(added.description.split('\n').slice(0, 4)).toEqual([
      '**Differs from earlier reports**',
      '__What happened at the site__ · different accounts: TASS; Ukrinform',
      expect.stringMatching(
        /^• \*\*Ukrinform\*\*: The speaker made a statement reported in the article\. — “A series of explosions/,
      ),
      expect.stringMatching(/^• \*\*TASS\*\*: The speaker made a statement/),
    ]);
    expect(added.description).toContain('**Only this report says**\n__A detail only Ukrinform reports__');
    expect(added.footer.text).toBe('Compared with 1 earlier report(s) · compared by anthropic · fresh');
    expect(brief.url).toBe(report['krymsk-ukrinform']?.link);
    expect(labels(reply as RecordedCall)).toEqual([
      expect.stringMatching(/^Claims/),
      'Source note',
      'What I read',
      'Compare coverage (1)',
      'Original',
    ]);
    expect(reply?.body.allowed_mentions).toEqual({ parse: [] });

    // A third outlet goes into the same thread, which is not opened again.
    await publish(report['krymsk-reuters'] as DeskItem);
    expect(posts(`/channels/${channel}/messages`)).toHaveLength(1);
    expect(posts(`/channels/${channel}/messages/${firstId}/threads`)).toHaveLength(1);
    const replies = posts(`/channels/${firstId}/messages`);
    expect(replies).toHaveLength(2);
    expect(labels(replies[1] as RecordedCall)).toContain('Compare coverage (2)');

    // After a restart: nothing is posted again, and the wire's copy carried by a newspaper still joins the thread,
    // counting the wire once.
    await t.restart();
    await publish(report['krymsk-reuters-kyivpost'] as DeskItem);
    expect(posts(`/channels/${channel}/messages`)).toHaveLength(1);
    const afterRestart = posts(`/channels/${firstId}/messages`);
    expect(afterRestart).toHaveLength(3);
    expect(afterRestart[2]?.body.embeds[0].title).toBe('What Reuters’s report adds to the story');
    expect(labels(afterRestart[2] as RecordedCall)).toContain('Compare coverage (2)');
    expect(posts(`/channels/${channel}/messages/${firstId}/threads`)).toHaveLength(1);
  });

  it('replies inside the story’s forum post instead of opening another', async () => {
    const { publish } = await deskInto('krymsk-forum', FORUM, { [FORUM]: 15 });
    await publish(report['krymsk-tass'] as DeskItem);
    const forumPosts = () => posts(`/channels/${FORUM}/threads`);
    expect(forumPosts()).toHaveLength(1);
    const postId = t.discord.threads.at(-1)?.id;
    await publish(report['krymsk-ukrinform'] as DeskItem);
    expect(forumPosts()).toHaveLength(1);
    const [reply] = posts(`/channels/${postId}/messages`);
    expect(reply?.body.embeds[0].title).toBe('What Ukrinform’s report adds to the story');
    expect(reply?.body.embeds[1].url).toBe(report['krymsk-ukrinform']?.link);
  });

  it('posts a later report as a post of its own, saying what it adds, where the bot may not open threads', async () => {
    const { publish } = await deskInto('krymsk-no-threads', NO_THREADS);
    await publish(report['krymsk-tass'] as DeskItem);
    await publish(report['krymsk-ukrinform'] as DeskItem);
    const [first, second] = posts(`/channels/${NO_THREADS}/messages`);
    expect(first?.body.embeds[0].url).toBe(report['krymsk-tass']?.link);
    expect(second?.body.embeds.map((e: { title: string }) => e.title)[0]).toBe(
      'What Ukrinform’s report adds to the story',
    );
    expect(second?.body.embeds[1].url).toBe(report['krymsk-ukrinform']?.link);
  });

  it('starts the story again with a post of its own when its first post was deleted before any reply', async () => {
    const channel = freshChannel();
    const { id, publish } = await deskInto('krymsk-deleted', channel);
    await publish(report['krymsk-tass'] as DeskItem);
    t.discord.deleteMessage(firstMessageIn(channel) as string);
    await publish(report['krymsk-ukrinform'] as DeskItem);
    expect(posts(`/channels/${channel}/messages`)).toHaveLength(1);
    // The failed reply may still land until its window (1 s here) has passed; then the item is posted anew.
    await new Promise((r) => setTimeout(r, 1_100));
    await t.bot.feeds.pollNow(id);
    const [, restarted] = posts(`/channels/${channel}/messages`);
    expect(restarted?.body.embeds[0].url).toBe(report['krymsk-ukrinform']?.link);
    const restartedId = [...t.discord.messages.values()].filter((m) => m.channel_id === channel).at(-1)?.id;
    await publish(report['krymsk-reuters'] as DeskItem);
    expect(posts(`/channels/${channel}/messages/${restartedId}/threads`)).toHaveLength(1);
    expect(posts(`/channels/${restartedId}/messages`)[0]?.body.embeds[1].url).toBe(report['krymsk-reuters']?.link);
  });

  it('makes a reply once when the bot stops before recording it, found in the thread after a restart', async () => {
    const channel = freshChannel();
    const { id, publish } = await deskInto('krymsk-crash', channel);
    await publish(report['krymsk-tass'] as DeskItem);
    const firstId = firstMessageIn(channel);
    const isReply = (c: RecordedCall) =>
      c.method === 'POST' &&
      c.path === `/channels/${firstId}/messages` &&
      c.body?.embeds?.[1]?.url === report['krymsk-ukrinform']?.link;
    let release: () => void = () => {};
    t.discord.holdResponses((c) => (isReply(c) ? new Promise<void>((r) => (release = r)) : undefined));
    feeds.desk.publish('krymsk-crash', report['krymsk-ukrinform'] as DeskItem);
    void t.bot.feeds.pollNow(id);
    await t.waitForCall(isReply);
    // Discord made the reply but the bot stops before hearing so: "posted" is never recorded.
    await t.restart();
    t.discord.holdResponses(undefined);
    release();
    const lookedAt = t.discord.calls.length;
    await new Promise((r) => setTimeout(r, 1_100));
    await t.bot.feeds.pollNow(id);
    expect(t.discord.calls.filter(isReply)).toHaveLength(1);
    expect(
      t.discord.calls.slice(lookedAt).some((c) => c.method === 'GET' && c.path === `/channels/${firstId}/messages`),
    ).toBe(true);
    expect(posts(`/channels/${channel}/messages`)).toHaveLength(1);
  });
});
