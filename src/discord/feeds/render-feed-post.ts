import { ButtonStyle, ComponentType } from 'discord.js';
import type { Brief } from '../../brief/schema.js';
import type { FeedItem } from '../../feeds/feed-schema.js';
import type { FeedSubscription } from '../../feeds/subscription.js';
import { inert, LIMITS } from '../render/discord-text.js';
import { renderBriefMessage, type StoryShown } from '../render/render-brief.js';
import type { FeedMessage } from './feed-channel-api.js';

const CARD_COLOR = 0x8a8f98;

/** The feed's role, when it has one, is the only mention a feed post may make; nothing else ever pings. */
export function feedMentions(subscription: FeedSubscription): Pick<FeedMessage, 'content' | 'allowed_mentions'> {
  const role = subscription.mentionRoleId;
  return role
    ? { content: `<@&${role}>`, allowed_mentions: { parse: [], roles: [role] } }
    : { content: '', allowed_mentions: { parse: [] } };
}

/** A feed item's brief: exactly the /summarize message, with the feed's role mention when it has one. */
export function renderFeedBrief(
  subscription: FeedSubscription,
  brief: Brief,
  fromCache: boolean,
  story: StoryShown | null = null,
): FeedMessage {
  const { embeds, components } = renderBriefMessage(brief, fromCache, story);
  return { ...feedMentions(subscription), embeds, components };
}

const isWebUrl = (url: string | null): url is string => !!url && /^https?:\/\//.test(url) && url.length <= 512;

/** The reason a page gave no brief, without advice meant for someone pasting into /summarize. */
export function cardReason(sentence: string): string {
  const first = sentence.split(/;\s+/)[0]?.trim() ?? sentence;
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** A short card for an item that could not be briefed (a paywall, not an article): title, link, why. */
export function renderFeedCard(subscription: FeedSubscription, item: FeedItem, sentence: string): FeedMessage {
  const host = item.url ? new URL(item.url).hostname.replace(/^www\./, '') : null;
  const footer = [host, item.publishedAt?.slice(0, 10), subscription.title].filter(Boolean).join(' · ');
  return {
    ...feedMentions(subscription),
    embeds: [
      {
        title: inert(item.title || 'Untitled item', LIMITS.title),
        description: inert(`No brief: ${cardReason(sentence)}`, 500),
        color: CARD_COLOR,
        footer: { text: inert(footer, LIMITS.footer) },
        ...(isWebUrl(item.url) ? { url: item.url } : {}),
      },
    ],
    components: isWebUrl(item.url)
      ? [
          {
            type: ComponentType.ActionRow,
            components: [{ type: ComponentType.Button, style: ButtonStyle.Link, label: 'Open article', url: item.url }],
          },
        ]
      : [],
  };
}

/** The one notice a feed that kept failing leaves in its channel. */
export function renderPausedNotice(subscription: FeedSubscription, reason: string): FeedMessage {
  return {
    content: `⏸️ The feed **${inert(subscription.title, 200)}** (\`${subscription.id}\`) is paused: ${inert(reason, 600)}. An admin can turn it back on with \`/sitrep feed resume\`.`,
    embeds: [],
    components: [],
    allowed_mentions: { parse: [] },
  };
}
