import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { Brief } from '../../brief/schema.js';
import { outletLine } from '../../text/outlet-line.js';
import { briefButtonId } from './brief-button-id.js';
import { fitLines, inert, LIMITS } from './discord-text.js';
import { storyButtonId } from './story-button-id.js';

const ACCENT = 0x4a6b82;

function engineFooter(brief: Brief, fromCache: boolean): string {
  const engine =
    brief.meta.engine === 'offline'
      ? `offline engine${brief.meta.fallbackReason ? ` (${brief.meta.fallbackReason})` : ''}`
      : (brief.meta.model ?? 'model');
  return `${engine} · ${fromCache ? 'from cache' : 'fresh'}`;
}

/** The source note as lines: outlet, who is quoted, what is unverified, caveats. */
export function sourceNoteLines(brief: Brief): string[] {
  const note = brief.sourceNote;
  const quoted = note.quoted.map((q) => (q.role ? `${q.name} (${q.role})` : q.name)).join('; ') || 'nobody';
  return [
    `**Outlet:** ${inert(outletLine(note), 400)}`,
    `**Quoted:** ${inert(quoted, 400)}`,
    `**Independent sources:** ${note.independentSources}`,
    ...(note.loadedTerms.length
      ? [`**Loaded language in the source:** ${inert(note.loadedTerms.map((t) => `“${t.term}”`).join(', '), 400)}`]
      : []),
    ...note.unverified.map((u) => `**Unverified:** ${inert(u, 300)}`),
    ...note.caveats.map((c) => `**Caveat:** ${inert(c, 300)}`),
    ...(brief.article.truncated ? ['**Note:** the article was cut before the model; its end was not read.'] : []),
  ];
}

function isWebUrl(url: string | null): url is string {
  return !!url && /^https?:\/\//.test(url) && url.length <= 512;
}

/** What the brief message shows of the brief's story: other outlets' reports of the same event so far. */
export interface StoryShown {
  otherOutlets: number;
}

/**
 * The brief message: headline, summary, short source note, footer, and its buttons; Compare coverage
 * when other outlets have reported the same story.
 */
export function renderBriefMessage(brief: Brief, fromCache: boolean, story: StoryShown | null = null) {
  const { article } = brief;
  const footer = [article.outlet ?? article.domain, article.publishedAt?.slice(0, 10), engineFooter(brief, fromCache)]
    .filter(Boolean)
    .join(' · ');
  const embed: APIEmbed = {
    title: inert(brief.summary.headline, LIMITS.title),
    description: fitLines(
      brief.summary.sentences.map((s) => `• ${inert(s, 600)}`),
      LIMITS.description,
    ),
    color: ACCENT,
    fields: [{ name: 'Source note', value: fitLines(sourceNoteLines(brief), LIMITS.fieldValue) }],
    footer: { text: inert(footer, LIMITS.footer) },
    ...(isWebUrl(article.url) ? { url: article.url } : {}),
  };
  const buttons: APIButtonComponent[] = [
    {
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: `Claims (${brief.claims.length})`,
      custom_id: briefButtonId('claims', brief.meta.cacheKey),
    },
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: 'Source note',
      custom_id: briefButtonId('note', brief.meta.cacheKey),
    },
  ];
  buttons.push({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: 'What I read',
    custom_id: briefButtonId('read', brief.meta.cacheKey),
  });
  if (story && story.otherOutlets > 0) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: `Compare coverage (${story.otherOutlets})`,
      custom_id: storyButtonId('compare', brief.meta.cacheKey),
    });
  }
  if (isWebUrl(article.url)) {
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Link, label: 'Original', url: article.url });
  }
  const row: APIActionRowComponent<APIButtonComponent> = { type: ComponentType.ActionRow, components: buttons };
  return { content: '', embeds: [embed], components: [row] };
}
