import type { APIEmbed } from 'discord.js';
import type { Brief, Claim } from '../../brief/schema.js';
import { fitLines, inert, LIMITS } from './discord-text.js';
import { sourceNoteLines } from './render-brief.js';

function claimBlock(claim: Claim, n: number): string {
  const who = claim.claimant.role ? `${claim.claimant.name} (${claim.claimant.role})` : claim.claimant.name;
  const tags = [claim.kind, claim.attribution.replace('_', ' '), claim.checkable ? 'checkable' : 'not checkable'];
  if (claim.grounded === false) tags.push('⚠ quote not found in the article');
  const lines = [`**${n}. ${inert(who, 200)}**: ${inert(claim.statement, 500)}`];
  if (claim.quote) lines.push(`> “${inert(claim.quote, 400)}”`);
  lines.push(`-# ${tags.join(' · ')}`);
  return lines.join('\n');
}

/**
 * The claim list as embeds, as many as needed within Discord's per-message total; what does not fit
 * is counted in the last embed's footer rather than dropped silently.
 */
export function renderClaimsEmbeds(brief: Brief): APIEmbed[] {
  const blocks = brief.claims.map((claim, i) => claimBlock(claim, i + 1));
  const title = inert(`Claims: ${brief.summary.headline}`, LIMITS.title);
  const embeds: APIEmbed[] = [];
  let budget = LIMITS.embedsTotal - title.length - 100;
  let current: string[] = [];
  let shown = 0;
  const flush = () => {
    if (current.length) embeds.push({ description: current.join('\n\n') });
    current = [];
  };
  for (const block of blocks) {
    if (block.length > budget || embeds.length >= 9) break;
    if ([...current, block].join('\n\n').length > LIMITS.description) flush();
    current.push(block);
    budget -= block.length + 2;
    shown++;
  }
  flush();
  if (embeds.length === 0) embeds.push({ description: 'No attributed claims were found in this article.' });
  (embeds[0] as APIEmbed).title = title;
  const hidden = blocks.length - shown;
  (embeds.at(-1) as APIEmbed).footer = {
    text: hidden > 0 ? `${hidden} more claim(s) did not fit in one message.` : `${blocks.length} claim(s)`,
  };
  return embeds;
}

/** The beginning of the text the brief was made from, its length, and whether it was cut. */
export function renderReadEmbed(brief: Brief): APIEmbed {
  const { article } = brief;
  const cut = article.truncated ? '; the text was cut before the model, so its end was not read' : '';
  const more = article.excerpt.length < article.wordCount * 4 ? '\n\n…' : '';
  return {
    title: inert(`What Sitrep read: ${article.title ?? brief.summary.headline}`, LIMITS.title),
    description: `${inert(article.excerpt || '(no text)', 3_800)}${more}`,
    footer: { text: `${article.wordCount} words read${cut}` },
  };
}

export function renderSourceNoteEmbed(brief: Brief): APIEmbed {
  return {
    title: inert(`Source note: ${brief.summary.headline}`, LIMITS.title),
    description: fitLines(sourceNoteLines(brief), LIMITS.description),
  };
}
