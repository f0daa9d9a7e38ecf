import { escapeMarkdown } from 'discord.js';
import { capAtWord } from '../../text/cap-at-word.js';

/** Discord's limits (characters) for the parts Sitrep fills. */
export const LIMITS = {
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  fields: 25,
  embedsTotal: 6000,
  content: 2000,
  buttonLabel: 80,
} as const;

/** The parts of an embed Discord counts towards a message's total (an API embed, or one a stand-in recorded). */
interface CountedEmbed {
  title?: string | undefined;
  description?: string | undefined;
  footer?: { text: string } | undefined;
  author?: { name: string } | undefined;
  fields?: { name: string; value: string }[] | undefined;
}

/** An embed's characters as Discord counts them towards a message's 6,000. */
export function embedSize(embed: CountedEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** A message's embeds, counted as Discord counts them against LIMITS.embedsTotal. */
export const embedsSize = (embeds: CountedEmbed[]) => embeds.reduce((n, e) => n + embedSize(e), 0);

/**
 * Article-derived text made inert for Discord: Markdown escaped (masked links and headings too),
 * mentions broken with a zero-width space so they neither ping nor render, then cut at a word.
 */
export function inert(text: string, max: number): string {
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true })
    // Every bracket, not only complete masked links: a cut one must not become a link either.
    .replace(/(?<!\\)\[/g, '\\[')
    .replace(/@(everyone|here)/gi, '@\u200b$1')
    .replace(/<(@[!&]?|#)(?=\d)/g, '<\u200b$1');
  return capAtWord(escaped, max);
}

/** Joins lines and cuts the whole at a line or word boundary to fit `max`. */
export function fitLines(lines: string[], max: number): string {
  let out = '';
  for (const line of lines) {
    const next = out ? `${out}\n${line}` : line;
    if (next.length > max) return out || capAtWord(line, max);
    out = next;
  }
  return out;
}
