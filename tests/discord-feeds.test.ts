import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORUM, GUILD, NEWS_PINGS, OFF_TOPIC, startTestBot, type TestBot } from './helpers/test-bot.js';
import type { RecordedCall } from './stand-ins/discord/discord-stand-in.js';
import { autocomplete, buttonPress, chatInput, type OptionValue } from './stand-ins/discord/interactions.js';
import { message, PERMISSIONS } from './stand-ins/discord/payloads.js';
import { type DeskItem, deskArticle, type FeedServer, startFeedServer } from './stand-ins/feed-server.js';

const admin = {
  guildId: GUILD.id,
  channelId: OFF_TOPIC,
  userId: '1200000000000000090',
  permissions: PERMISSIONS.viewAndSend | PERMISSIONS.manageGuild,
};
const reader = { guildId: GUILD.id, channelId: OFF_TOPIC, userId: '1200000000000000091' };

/** Each scenario posts into its own channel, so counts and the hourly cap never mix. */
let nextChannel = 1_400_000_000_000_000_100n;
const freshChannel = () => String(nextChannel++);

let t: TestBot;
let feeds: FeedServer;
beforeAll(async () => {
  [t, feeds] = await Promise.all([
    // A lock TTL of 0.5 s makes a post's landing window 1 s, so recovery is quick to see.
    startTestBot({ env: { SITREP_FEED_INTERVAL_S: '2', SITREP_FEED_PAUSE_AFTER_S: '1', SITREP_LOCK_TTL_MS: '500' } }),
    startFeedServer(),
  ]);
});
afterAll(async () => {
  await Promise.all([t.close(), feeds.close()]);
});

/** Runs `/sitrep feed <subcommand>` as the admin; the private answer (edited in after a deferral, or at once). */
async function feedCommand(
  subcommand: string,
  options: Record<string, OptionValue> = {},
  channelTypes: Record<string, number> = {},
  actor = admin,
) {
  const interaction = chatInput(actor, 'sitrep', options, ['feed', subcommand], channelTypes);
  t.discord.inject('INTERACTION_CREATE', interaction);
  const answer = await t.waitForCall(
    (c) => c.path.includes(interaction.token) && (c.method === 'PATCH' || (c.method === 'POST' && c.body?.type === 4)),
    20_000,
  );
  return answer.method === 'PATCH' ? answer.body : answer.body.data;
}

/** Adds a feed and returns its id, read from the answer. */
async function addFeed(options: Record<string, OptionValue>, channelTypes: Record<string, number> = {}) {
  const answer = await feedCommand('add', options, channelTypes);
  const id = /\(`([a-z2-9]{5})`\)/.exec(answer.content)?.[1];
  if (!id) throw new Error(`no feed added: ${answer.content}`);
  return { id, answer };
}

const postsIn = (channelId: string) =>
  t.discord.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`);
const postIn = (channelId: string, after = 0) =>
  t.waitForCall(
    (c) =>
      c.method === 'POST' && c.path === `/channels/${channelId}/messages` && postsIn(channelId).indexOf(c) >= after,
    20_000,
  );

/**
 * A desk item carrying a fictional article's full text. An edition line makes it a different text (a
 * different brief) than the same article elsewhere in this file.
 */
function fullText(slug: string, id = slug, link = `https://desk-news.example/${slug}`, edition = ''): DeskItem {
  const article = deskArticle(slug);
  const content = edition ? `${article.text}\n\nThis is the ${edition} edition of the report.` : article.text;
  return { id, title: article.title, link, content, pubDate: new Date().toUTCString() };
}

const linkButton = (call: RecordedCall) =>
  call.body.components[0].components.find((b: { style: number }) => b.style === 5)?.url;

describe('/sitrep feed add', () => {
  it('follows a site’s announced feed, says how many items it has, and posts none of them', async () => {
    const channel = freshChannel();
    const { id, answer } = await addFeed({ url: `${feeds.url}/site/`, channel });
    expect(answer.content).toBe(
      `Following **Strait Watch** (\`${id}\`) in <#${channel}>.\nIt has 3 items now; only new ones will be posted.`,
    );
    expect(answer.allowed_mentions).toEqual({ parse: [] });
    const stored = await t.bot.feeds.store.getSubscription(id);
    expect(stored).toMatchObject({ feedUrl: `${feeds.url}/site/feeds/posts.atom`, givenUrl: `${feeds.url}/site/` });
    await t.bot.feeds.pollNow(id);
    expect(postsIn(channel)).toHaveLength(0);
  });

  it('answers one sentence for an address that is no feed, and keeps nothing', async () => {
    const before = (await t.bot.ctx.feeds.list(GUILD.id)).length;
    const answer = await feedCommand('add', { url: `${feeds.url}/page-without-feed`, channel: freshChannel() });
    expect(answer.content).toBe('⚠️ 127.0.0.1 is a web page that announces no RSS, Atom or JSON feed.');
    expect(await t.bot.ctx.feeds.list(GUILD.id)).toHaveLength(before);
  });
});

describe('feed items in a channel', () => {
  it('posts a new item once, as /summarize renders it, and nothing again after a restart', async () => {
    const channel = freshChannel();
    feeds.desk.set('main', [fullText('frigates-return')]);
    const { id } = await addFeed({ url: feeds.desk.url('main'), channel });
    feeds.desk.publish('main', fullText('radar-test'));

    // The scheduler polls on its own (SITREP_FEED_INTERVAL_S=2).
    const post = await postIn(channel);
    const embed = post.body.embeds[0];
    expect(embed.title).toBe('Stand-in headline: an official said something');
    expect(embed.url).toBe('https://desk-news.example/radar-test');
    expect(embed.footer.text).toMatch(/^desk-news\.example · claude-haiku-4-5 · (fresh|from cache)$/);
    const buttons = post.body.components[0].components;
    expect(buttons.map((b: { label: string }) => b.label)).toEqual([
      expect.stringMatching(/^Claims \(\d+\)$/),
      'Source note',
      'What I read',
      'Original',
    ]);
    expect(post.body.content).toBe('');
    expect(post.body.allowed_mentions).toEqual({ parse: [] });

    const press = buttonPress(reader, buttons[0].custom_id, message({ channelId: channel, guildId: GUILD.id }));
    t.discord.inject('INTERACTION_CREATE', press);
    const claims = await t.waitForCall((c) => c.path.includes(press.token));
    expect(claims.body.data.embeds[0].title).toContain('Claims:');

    await t.bot.feeds.pollNow(id);
    expect(postsIn(channel)).toHaveLength(1);
    await t.restart();
    await t.bot.feeds.pollNow(id);
    expect(postsIn(channel)).toHaveLength(1);
  });

  it('posts a burst oldest first', async () => {
    const channel = freshChannel();
    feeds.desk.set('burst', []);
    const { id } = await addFeed({ url: feeds.desk.url('burst'), channel });
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 8, minutes)).toUTCString();
    feeds.desk.set('burst', [
      { ...fullText('border-exercise'), pubDate: at(30) },
      { ...fullText('drone-debris'), pubDate: at(10) },
      { ...fullText('ceasefire-talks'), pubDate: at(20) },
    ]);
    await t.bot.feeds.pollNow(id);
    expect(postsIn(channel).map((c) => c.body.embeds[0].url)).toEqual([
      'https://desk-news.example/drone-debris',
      'https://desk-news.example/ceasefire-talks',
      'https://desk-news.example/border-exercise',
    ]);
  });

  it('briefs a teaser-only item from its page', async () => {
    const channel = freshChannel();
    feeds.desk.set('teasers', []);
    const { id } = await addFeed({ url: feeds.desk.url('teasers'), channel });
    const page = `${t.fixtures.url}/news/drone-intercept`;
    const fetchedBefore = t.fixtures.hits.get('/news/drone-intercept') ?? 0;
    feeds.desk.publish('teasers', { id: 't1', title: 'Drones intercepted', link: page, description: 'Read more.' });
    await t.bot.feeds.pollNow(id);
    const [post] = postsIn(channel);
    expect(post?.body.embeds[0].fields[0].value).toContain('Harbour Defence Review');
    expect(post?.body.embeds[0].url).toBe(page);
    expect(t.fixtures.hits.get('/news/drone-intercept') ?? 0).toBeGreaterThan(fetchedBefore);
  });

  it('posts an item whose page is a paywall as a card with its title, link and why there is no brief', async () => {
    const channel = freshChannel();
    feeds.desk.set('paywalled', []);
    const { id } = await addFeed({ url: feeds.desk.url('paywalled'), channel });
    const page = `${t.fixtures.url}/not-article/paywall`;
    feeds.desk.publish('paywalled', { id: 'p1', title: 'Exclusive: the <b>fleet</b> plan', link: page });
    await t.bot.feeds.pollNow(id);
    const [card] = postsIn(channel);
    expect(card?.body.embeds[0]).toMatchObject({
      title: 'Exclusive: the fleet plan',
      url: page,
      description: 'No brief: This page looks like a paywall.',
    });
    expect(card && linkButton(card)).toBe(page);
    expect(card?.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('posts the same article reaching one channel from two feeds once', async () => {
    const channel = freshChannel();
    feeds.desk.set('wire-a', []);
    feeds.desk.set('wire-b', []);
    const a = await addFeed({ url: feeds.desk.url('wire-a'), channel });
    const b = await addFeed({ url: feeds.desk.url('wire-b'), channel });
    feeds.desk.publish('wire-a', fullText('ammunition-contract', 'a-1', 'https://desk-news.example/a/contract'));
    feeds.desk.publish('wire-b', fullText('ammunition-contract', 'b-77', 'https://desk-news.example/b/contract'));
    await t.bot.feeds.pollNow(a.id);
    await t.bot.feeds.pollNow(b.id);
    expect(postsIn(channel)).toHaveLength(1);

    // The same link from a third feed is not even briefed again.
    feeds.desk.set('wire-c', []);
    const c = await addFeed({ url: feeds.desk.url('wire-c'), channel });
    const modelCalls = t.api.requests.length;
    feeds.desk.publish('wire-c', { id: 'c-1', title: 'Contract', link: 'https://desk-news.example/a/contract' });
    await t.bot.feeds.pollNow(c.id);
    expect(postsIn(channel)).toHaveLength(1);
    expect(t.api.requests.length).toBe(modelCalls);
  });

  it('pings only the feed’s role', async () => {
    const channel = freshChannel();
    feeds.desk.set('pings', []);
    const { id, answer } = await addFeed({ url: feeds.desk.url('pings'), channel, mention: NEWS_PINGS });
    expect(answer.content).toContain(`pings <@&${NEWS_PINGS}>`);
    feeds.desk.publish('pings', fullText('drone-debris', 'ping-1'));
    await t.bot.feeds.pollNow(id);
    const [post] = postsIn(channel);
    expect(post?.body.content).toBe(`<@&${NEWS_PINGS}>`);
    expect(post?.body.allowed_mentions).toEqual({ parse: [], roles: [NEWS_PINGS] });
  });

  it('posts only items with an included word and none with an excluded one, whatever their case and accents', async () => {
    const channel = freshChannel();
    feeds.desk.set('filtered', []);
    const { id } = await addFeed({
      url: feeds.desk.url('filtered'),
      channel,
      include: 'FRÍGATES, radar',
      exclude: 'village',
    });
    feeds.desk.set('filtered', [fullText('frigates-return'), fullText('radar-test'), fullText('border-exercise')]);
    await t.bot.feeds.pollNow(id);
    expect(postsIn(channel).map((c) => c.body.embeds[0].url)).toEqual(['https://desk-news.example/frigates-return']);
  });

  it('opens one forum post per item, titled with the brief’s headline', async () => {
    feeds.desk.set('forum', []);
    const { id } = await addFeed({ url: feeds.desk.url('forum'), channel: FORUM }, { [FORUM]: 15 });
    expect((await t.bot.feeds.store.getSubscription(id))?.channelKind).toBe('forum');
    feeds.desk.publish('forum', fullText('ceasefire-talks', 'forum-1'));
    await t.bot.feeds.pollNow(id);
    const threads = t.discord.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${FORUM}/threads`);
    expect(threads).toHaveLength(1);
    const { name, message: first } = threads[0]?.body ?? {};
    expect(name).toBe('Stand-in headline: an official said something');
    expect(first.embeds[0].title).toBe(name);
    expect(first.embeds[0].url).toBe('https://desk-news.example/ceasefire-talks');
    expect(first.allowed_mentions).toEqual({ parse: [] });
    expect(postsIn(FORUM)).toHaveLength(0);
  });
});

describe('a post whose fate was not recorded', () => {
  it('is found among the forum’s posts after a restart and not posted again', async () => {
    feeds.desk.set('forum-crash', []);
    const { id } = await addFeed({ url: feeds.desk.url('forum-crash'), channel: FORUM }, { [FORUM]: 15 });
    const item = fullText('drone-debris', 'crash-1', 'https://desk-news.example/crash', 'late');
    const isThisPost = (c: RecordedCall) =>
      c.method === 'POST' &&
      c.path === `/channels/${FORUM}/threads` &&
      c.body?.message?.embeds?.[0]?.url === 'https://desk-news.example/crash';
    let release: () => void = () => {};
    t.discord.holdResponses((c) => (isThisPost(c) ? new Promise<void>((r) => (release = r)) : undefined));
    feeds.desk.publish('forum-crash', item);
    void t.bot.feeds.pollNow(id);
    await t.waitForCall(isThisPost);
    // The bot stops while Discord has made the post but not yet answered: "posted" is never recorded.
    await t.restart();
    t.discord.holdResponses(undefined);
    release();
    const lookedAt = t.discord.calls.length;
    await t.bot.feeds.pollNow(id);
    expect(t.discord.calls.filter(isThisPost)).toHaveLength(1);
    expect(t.discord.calls.slice(lookedAt).some((c) => c.path === `/guilds/${GUILD.id}/threads/active`)).toBe(true);
    expect((await t.bot.feeds.store.getItems(id))?.pending).toEqual([]);
  });
});

describe('pausing, failing and pacing', () => {
  it('posts nothing while paused, and after resuming only what is published from then on', async () => {
    const channel = freshChannel();
    feeds.desk.set('paused', []);
    const { id } = await addFeed({ url: feeds.desk.url('paused'), channel });
    const paused = await feedCommand('pause', { feed: id });
    expect(paused.content).toContain(`Paused **Desk paused** (\`${id}\`)`);
    feeds.desk.publish('paused', fullText('frigates-return', 'during-pause'));
    await t.bot.feeds.pollNow(id);
    expect(postsIn(channel)).toHaveLength(0);

    const resumed = await feedCommand('resume', { feed: feeds.desk.url('paused') });
    expect(resumed.content).toContain('only items published from now on will be posted');
    feeds.desk.publish('paused', fullText('radar-test', 'after-resume'));
    await t.bot.feeds.pollNow(id);
    expect(postsIn(channel).map((c) => c.body.embeds[0].url)).toEqual(['https://desk-news.example/radar-test']);
  });

  it('pauses a feed that keeps failing and tells its channel once', async () => {
    const channel = freshChannel();
    feeds.desk.set('broken', []);
    const { id } = await addFeed({ url: feeds.desk.url('broken'), channel });
    feeds.desk.fail('broken', 500);
    // Failing for longer than SITREP_FEED_PAUSE_AFTER_S=1: the scheduler's own backed-off polls get there.
    const notice = await postIn(channel);
    expect(notice.body.content).toBe(
      `⏸️ The feed **Desk broken** (\`${id}\`) is paused: it has failed since ${notice.body.content.match(/since (\S+ \S+) UTC/)?.[1]} UTC (127.0.0.1 answered with HTTP 500.). An admin can turn it back on with \`/sitrep feed resume\`.`,
    );
    expect(notice.body.allowed_mentions).toEqual({ parse: [] });
    expect((await t.bot.feeds.store.getSubscription(id))?.paused).toBe('failing');
    const requests = feeds.requestsTo('/desk/broken.xml').length;
    await t.bot.feeds.pollNow(id);
    expect(feeds.requestsTo('/desk/broken.xml')).toHaveLength(requests);
    expect(postsIn(channel)).toHaveLength(1);
    const list = await feedCommand('list');
    expect(list.embeds[0].description).toContain('paused after failing');
  });

  it('holds items past the channel’s hourly cap until there is room', async () => {
    const limit = chatInput(admin, 'sitrep', { 'feed-posts-per-hour': 1 }, ['config', 'limits']);
    t.discord.inject('INTERACTION_CREATE', limit);
    const set = await t.waitForCall((c) => c.path.includes(limit.token));
    expect(JSON.stringify(set.body.data.embeds[0].fields)).toContain('1 feed posts per channel each hour');
    try {
      const channel = freshChannel();
      feeds.desk.set('capped', []);
      const { id } = await addFeed({ url: feeds.desk.url('capped'), channel });
      feeds.desk.set('capped', [fullText('drone-debris', 'cap-2'), fullText('border-exercise', 'cap-1')]);
      await t.bot.feeds.pollNow(id);
      expect(postsIn(channel).map((c) => c.body.embeds[0].url)).toEqual(['https://desk-news.example/border-exercise']);
      expect((await t.bot.feeds.store.getItems(id))?.pending.map((p) => p.item.id)).toEqual(['cap-2']);

      await t.bot.ctx.settings.update(GUILD.id, (s) => ({ ...s, feedPostsPerHour: 20 }));
      await t.bot.feeds.pollNow(id);
      expect(postsIn(channel)).toHaveLength(2);
    } finally {
      await t.bot.ctx.settings.update(GUILD.id, (s) => ({ ...s, feedPostsPerHour: 20 }));
    }
  });
});

describe('daily digest', () => {
  it('gathers the day’s items into one message with a button to each brief', async () => {
    const channel = freshChannel();
    feeds.desk.set('digest', []);
    const { id, answer } = await addFeed({ url: feeds.desk.url('digest'), channel, 'digest-hour': 7 });
    expect(answer.content).toContain('daily digest at 07:00 UTC');
    feeds.desk.set('digest', [
      fullText('ammunition-contract', 'd-2', undefined, 'evening'),
      { id: 'd-1', title: 'Members only', link: `${t.fixtures.url}/not-article/paywall` },
    ]);
    await t.bot.feeds.pollNow(id);
    expect(postsIn(channel)).toHaveLength(0);
    const gathered = await t.bot.feeds.store.getItems(id);
    expect(gathered?.digest).toHaveLength(2);

    // Its hour has come.
    await t.bot.feeds.store.setItems(id, {
      ...(gathered as NonNullable<typeof gathered>),
      digestDueAt: Date.now() - 1,
    });
    await t.bot.feeds.pollNow(id);
    const [digest] = postsIn(channel);
    const embed = digest?.body.embeds[0];
    expect(embed.title).toBe('Daily digest: Desk digest');
    expect(embed.description).toContain(
      `**1.** [Members only](${t.fixtures.url}/not-article/paywall)\nNo brief: This page looks like a paywall.`,
    );
    expect(embed.description).toContain(
      '**2.** [Stand-in headline: an official said something](https://desk-news.example/ammunition-contract) — desk-news.example',
    );
    expect(embed.footer.text).toMatch(new RegExp(`^Sitrep digest · \\d{4}-\\d{2}-\\d{2} · feed ${id}$`));
    const buttons = digest?.body.components[0].components;
    expect(buttons).toHaveLength(1);
    expect(buttons[0]).toMatchObject({ label: '2', custom_id: expect.stringMatching(/^brief:full:[0-9a-f]{64}$/) });

    const press = buttonPress(reader, buttons[0].custom_id, message({ channelId: channel, guildId: GUILD.id }));
    t.discord.inject('INTERACTION_CREATE', press);
    const opened = await t.waitForCall((c) => c.path.includes(press.token));
    expect(opened.body.data.flags).toBe(64);
    expect(opened.body.data.embeds[0].url).toBe('https://desk-news.example/ammunition-contract');

    await t.bot.feeds.pollNow(id);
    expect(postsIn(channel)).toHaveLength(1);
  });
});

describe('finding, previewing and removing feeds', () => {
  it('lists feeds with their ids, suggests them while typing, previews one privately and removes it', async () => {
    feeds.desk.set('listed', [fullText('ceasefire-talks', 'listed-1')]);
    const channel = freshChannel();
    const { id } = await addFeed({ url: feeds.desk.url('listed'), channel, include: 'talks' });
    const list = await feedCommand('list');
    expect(list.flags).toBe(64);
    expect(list.embeds[0].description).toContain(`\`${id}\` **Desk listed** → <#${channel}>`);
    expect(list.embeds[0].description).toContain('only: talks');

    const typing = autocomplete(admin, 'sitrep', ['feed', 'remove'], { name: 'feed', value: 'LISTED' });
    t.discord.inject('INTERACTION_CREATE', typing);
    const suggested = await t.waitForCall((c) => c.path.includes(typing.token));
    expect(suggested.body).toMatchObject({ type: 8, data: { choices: [{ value: id }] } });
    expect(suggested.body.data.choices[0].name).toMatch(new RegExp(`^${id} · Desk listed · #`));

    const preview = await feedCommand('preview', { feed: id });
    expect(preview.embeds[0].url).toBe('https://desk-news.example/ceasefire-talks');
    expect(postsIn(channel)).toHaveLength(0);

    const removed = await feedCommand('remove', { feed: id });
    expect(removed.content).toContain(`Stopped following **Desk listed** (\`${id}\`)`);
    expect((await feedCommand('list')).embeds[0].description).not.toContain(id);
    expect(await t.bot.feeds.store.getSubscription(id)).toBeUndefined();
  });

  it('refuses a member without Manage Server', async () => {
    const answer = await feedCommand('list', {}, {}, { ...reader, permissions: PERMISSIONS.viewAndSend });
    expect(answer.content).toBe('⚠️ You need the Manage Server permission to change Sitrep’s settings.');
  });
});
