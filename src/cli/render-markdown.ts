import type { Brief, Claim } from '../brief/schema.js';
import { outletLine } from '../text/outlet-line.js';

function renderClaim(claim: Claim, n: number): string {
  const who = claim.claimant.role ? `${claim.claimant.name} (${claim.claimant.role})` : claim.claimant.name;
  const tags = [claim.kind, claim.attribution.replace('_', ' '), claim.checkable ? 'checkable' : 'not checkable'];
  if (claim.grounded === false) tags.push('⚠ quote not found in the article');
  const lines = [`${n}. **${who}**: ${claim.statement}`];
  if (claim.quote) lines.push(`   > “${claim.quote}”`);
  lines.push(`   _${tags.join(' · ')}_`);
  return lines.join('\n');
}

/** Footer line saying which engine made the brief; offline briefs always say so. */
function engineLabel(brief: Brief, fromCache: boolean): string {
  const engine =
    brief.meta.engine === 'offline'
      ? `offline engine (extractive, no model)${brief.meta.fallbackReason ? ` — ${brief.meta.fallbackReason}` : ''}`
      : `model ${brief.meta.model}`;
  return `${engine} · ${fromCache ? 'from cache' : 'fresh'}`;
}

/** The brief as Markdown for the terminal. */
export function renderBriefMarkdown(brief: Brief, fromCache: boolean): string {
  const { article, summary, claims, sourceNote: note, meta } = brief;
  const source = [article.outlet ?? article.domain, article.byline, article.publishedAt?.slice(0, 10)].filter(Boolean);
  const quoted = note.quoted.map((q) => (q.role ? `${q.name} (${q.role})` : q.name)).join('; ') || 'nobody';
  const parts = [
    `# ${summary.headline}`,
    [article.title && `**${article.title}**`, source.join(' · '), article.url].filter(Boolean).join('  \n'),
    '## Summary',
    summary.sentences.map((s) => `- ${s}`).join('\n'),
    `## Claims (${claims.length})`,
    claims.length ? claims.map((claim, i) => renderClaim(claim, i + 1)).join('\n') : '_No attributed claims found._',
    '## Source note',
    [
      `- **Outlet:** ${outletLine(note)}`,
      `- **Quoted:** ${quoted}`,
      `- **Independent sources:** ${note.independentSources}`,
      ...(note.loadedTerms.length
        ? [
            '- **Loaded language in the source:**',
            ...note.loadedTerms.map((t) => `  - “${t.term}” (${t.category.replace(/_/g, ' ')}): …${t.context}…`),
          ]
        : []),
      ...(note.unverified.length ? ['- **Unverified:**', ...note.unverified.map((u) => `  - ${u}`)] : []),
      ...(note.caveats.length ? ['- **Caveats:**', ...note.caveats.map((c) => `  - ${c}`)] : []),
      ...(article.truncated ? ['- **Note:** the article was cut to fit the model input; its end was not read.'] : []),
    ].join('\n'),
    '---',
    `_${engineLabel(brief, fromCache)} · ${article.wordCount} words read · prompt ${meta.promptVersion}_`,
  ];
  return `${parts.filter(Boolean).join('\n\n')}\n`;
}
