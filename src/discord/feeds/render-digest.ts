import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from 'discord.js';
import type { DigestEntry, FeedSubscription } from '../../feeds/subscription.js';
import { briefButtonId } from '../render/brief-button-id.js';
import { fitLines, inert, LIMITS } from '../render/discord-text.js';
import type { FeedMessage } from './feed-channel-api.js';
import { feedMentions } from './render-feed-post.js';

/** Four rows of five buttons, one per numbered line; a longer day's list ends with a count. */
const DIGEST_MAX_ENTRIES = 20;
const PER_ROW = 5;
const ACCENT = 0x4a6b82;

/** What marks a digest message as this feed's for this day (see postOnce): its footer. */
export function digestMarker(subscription: FeedSubscription, day: string): string {
  return `Sitrep digest · ${day} · feed ${subscription.id}`;
}

/** A link target that cannot end the Markdown link early or carry anything but a web address. */
function linkTarget(url: string | null): string | null {
  if (!url || !/^https?:\/\//.test(url) || url.length > 512) return null;
  return url.replace(/[()<>\s]/g, (ch) => encodeURIComponent(ch));
}

function entryLine(entry: DigestEntry, n: number): string {
  const target = linkTarget(entry.url);
  const headline = target ? `[${inert(entry.title, 200)}](${target})` : inert(entry.title, 200);
  const outlet = entry.outlet ? ` — ${inert(entry.outlet, 80)}` : '';
  return `**${n}.** ${headline}${outlet}\n${inert(entry.line, 300)}`;
}

/**
 * One message for a day's items of a feed: a numbered line each (headline, outlet, one line), and a
 * button per line opening that item's stored brief (`brief:full:<cache key>`: the state is the id).
 */
export function renderDigest(subscription: FeedSubscription, entries: DigestEntry[], day: string): FeedMessage {
  const shown = entries.slice(-DIGEST_MAX_ENTRIES);
  const more = entries.length - shown.length;
  const lines = shown.map((entry, i) => entryLine(entry, i + 1));
  if (more > 0) lines.push(`…and ${more} earlier item${more === 1 ? '' : 's'}.`);
  const seen = new Set<string>();
  const buttons: APIButtonComponent[] = [];
  shown.forEach((entry, i) => {
    if (!entry.briefKey || seen.has(entry.briefKey)) return;
    seen.add(entry.briefKey);
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: String(i + 1),
      custom_id: briefButtonId('full', entry.briefKey),
    });
  });
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < buttons.length; i += PER_ROW) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + PER_ROW) });
  }
  return {
    ...feedMentions(subscription),
    embeds: [
      {
        title: inert(`Daily digest: ${subscription.title}`, LIMITS.title),
        description: fitLines(lines, LIMITS.description),
        color: ACCENT,
        footer: { text: digestMarker(subscription, day) },
      },
    ],
    components: rows,
  };
}
