import type { APIEmbed } from 'discord.js';
import type { FeedSubscription } from '../../feeds/subscription.js';
import { fitLines, inert, LIMITS } from '../render/discord-text.js';

/** What sets a feed apart from plain posting, in a few words, ready to show (admins' words made inert). */
export function feedTraits(sub: FeedSubscription): string[] {
  return [
    sub.paused === 'admin' ? '⏸️ paused' : sub.paused === 'failing' ? '⏸️ paused after failing' : null,
    sub.include.length ? `only: ${inert(sub.include.join(', '), 200)}` : null,
    sub.exclude.length ? `not: ${inert(sub.exclude.join(', '), 200)}` : null,
    sub.mentionRoleId ? `pings <@&${sub.mentionRoleId}>` : null,
    sub.digestHourUtc !== null ? `daily digest at ${String(sub.digestHourUtc).padStart(2, '0')}:00 UTC` : null,
    sub.length ? `${sub.length} briefs` : null,
  ].filter((trait): trait is string => trait !== null);
}

/** `/sitrep feed list`: each feed with its id (what remove, pause, resume and preview take). */
export function renderFeedList(feeds: FeedSubscription[], max: number): APIEmbed {
  const lines = feeds.map((sub) => {
    const traits = feedTraits(sub);
    return `\`${sub.id}\` **${inert(sub.title, 120)}** → <#${sub.channelId}>\n-# ${inert(sub.feedUrl, 200)}${traits.length ? ` · ${traits.join(' · ')}` : ''}`;
  });
  return {
    title: `Feeds followed here (${feeds.length} of ${max})`,
    description: feeds.length
      ? fitLines(lines, LIMITS.description)
      : 'None yet. Add one with `/sitrep feed add url:<feed or site> channel:<channel>`.',
  };
}
