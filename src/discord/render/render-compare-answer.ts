import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import { ComponentType } from 'discord.js';
import type { ComparedStory } from '../../stories/create-stories.js';
import type { LinkOutcome } from '../compare/brief-links.js';
import type { LinkStory } from '../compare/group-links.js';
import { listedOutletOf } from '../stories/story-place.js';
import { fitLines, inert, LIMITS } from './discord-text.js';
import { fullComparisonButton, renderComparisonEmbed } from './render-comparison.js';

/** A story of the links given, with its comparison when it was compared (stored: Full comparison can open it). */
export interface AnsweredStory {
  story: LinkStory;
  compared: (ComparedStory & { stored: boolean }) | null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return 'that address';
  }
}

/** "link 2 (TASS)": its number as given, and its outlet (or, with no brief, its site). */
function linkName(link: LinkOutcome): string {
  const outlet = (link.made && listedOutletOf(link.made.brief)) ?? hostOf(link.url);
  return `link ${link.n} (${inert(outlet, 80)})`;
}

function listed(names: string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** One line per story and per failed link: which links share a story, which share none, which gave no brief. */
function summaryLines(stories: AnsweredStory[], failed: LinkOutcome[]): string[] {
  const compared = stories.filter((s) => s.compared);
  const lines: string[] = [];
  if (compared.length === 0)
    lines.push('None of these links report one story from two outlets or more, so there is nothing to compare.');
  stories.forEach(({ story, compared: done }) => {
    const names = listed(story.links.map(linkName));
    if (done) {
      const which =
        compared.length > 1 ? ` (story ${compared.findIndex((s) => s.story === story) + 1} below)` : ' (below)';
      lines.push(`${capitalized(names)} report one story; their coverage is compared${which}.`);
    } else if (story.links.length === 1) {
      lines.push(`${capitalized(names)} shares no story with the other links.`);
    } else {
      lines.push(`${capitalized(names)} report one story from one outlet, so there is nothing to compare.`);
    }
  });
  for (const link of failed)
    lines.push(`⚠️ ${capitalized(linkName(link))} gave no brief: ${inert(link.failure ?? '', 300)}`);
  return lines;
}

/**
 * The /compare answer: which links share a story and which share none, each compared story's
 * comparison fitted to its share of the message, and a Full comparison button for each stored one.
 */
export function renderCompareAnswer(stories: AnsweredStory[], failed: LinkOutcome[]) {
  const compared = stories.flatMap((s) => (s.compared ? [s.compared] : []));
  const several = compared.length > 1;
  const share = Math.floor((LIMITS.embedsTotal - 50) / Math.max(1, compared.length));
  const embeds: APIEmbed[] = compared.map((done, i) => {
    const embed = renderComparisonEmbed(done.comparison, done.fromCache, share - 12);
    return several ? { ...embed, title: `${i + 1}. ${embed.title ?? ''}`.slice(0, LIMITS.title) } : embed;
  });
  const buttons: APIButtonComponent[] = compared.flatMap((done, i) =>
    done.stored ? [fullComparisonButton(done.key, several ? `Full comparison: story ${i + 1}` : undefined)] : [],
  );
  const components: APIActionRowComponent<APIButtonComponent>[] = buttons.length
    ? [{ type: ComponentType.ActionRow, components: buttons }]
    : [];
  return { content: fitLines(summaryLines(stories, failed), LIMITS.content), embeds, components };
}
