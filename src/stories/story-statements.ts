import type { Lexicon } from '../brief/checks/loaded-terms.js';
import { quoteLoadedTerms } from '../brief/checks/neutrality.js';
import type { Brief } from '../brief/schema.js';
import { briefTime } from './brief-features.js';
import { type ClaimFacets, claimFacets } from './claim-facets.js';
import type { Origin, Side } from './comparison-schema.js';
import type { CountryGazetteer } from './countries.js';
import { splitExcerpt } from './split-excerpt.js';

/** One member of a story to compare: its brief, and the wire it comes from when another site carries it. */
export interface StoryBrief {
  brief: Brief;
  origin?: Origin | null;
}

/** One thing one member says, as a side ready to show, with the facets it is compared by. */
export interface Statement {
  member: string;
  /** The source it counts for: the wire for carried copy, else the outlet (or domain). */
  source: string;
  /** Reading order within the member, for stable output. */
  order: number;
  side: Side;
  facets: ClaimFacets;
}

export interface CompareContext {
  countries: CountryGazetteer;
  lexicon: Lexicon;
}

const bare = (text: string) => text.replace(/[“”"]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

export function outletNameOf(brief: Brief): string {
  return brief.sourceNote.outlet.name ?? brief.article.outlet ?? brief.article.domain ?? 'The outlet';
}

export function sourceOf({ brief, origin }: StoryBrief): string {
  return origin?.outlet ?? outletNameOf(brief);
}

/** The text facets are read from: the statement without the marks the checks added, and a quote it lacks. */
function factText(statement: string, quote: string | null): string {
  const text = statement.replace(/[“”]/g, '');
  return quote && !text.includes(quote) ? `${text} ${quote}` : text;
}

/**
 * What a member says: its brief's claims (already attributed and checked), then the sentences of
 * the article's opening that no claim covers, each as the outlet's own words inside quotation marks,
 * so nothing is asserted in our voice and every quote is verbatim.
 */
export function statementsOf(member: StoryBrief, ctx: CompareContext): Statement[] {
  const { brief } = member;
  const key = brief.meta.cacheKey;
  const source = sourceOf(member);
  // Whose "our side" is: the country of whoever speaks in the article.
  const self = member.origin?.country ?? brief.sourceNote.outlet.country;
  const published = new Date(briefTime(brief));
  const statements: Statement[] = brief.claims.map((claim, order) => {
    const quote = claim.grounded === true ? claim.quote : null;
    return {
      member: key,
      source,
      order,
      side: {
        member: key,
        claimant: claim.claimant.name,
        statement: quoteLoadedTerms(claim.statement, ctx.lexicon),
        quote,
        from: 'claim',
      },
      facets: claimFacets(factText(claim.statement, quote), ctx.countries, self, published),
    };
  });
  const covered = brief.claims.flatMap((c) => [bare(c.statement), c.quote ? bare(c.quote) : '']).filter(Boolean);
  const outlet = outletNameOf(brief);
  for (const sentence of splitExcerpt(brief.article.excerpt)) {
    const plain = bare(sentence);
    if (covered.some((c) => c.includes(plain) || (c.length >= 40 && plain.includes(c)))) continue;
    statements.push({
      member: key,
      source,
      order: brief.claims.length + statements.length,
      side: {
        member: key,
        claimant: outlet,
        // Checked again as a whole: a quotation mark inside the sentence ends our quotation early.
        statement: quoteLoadedTerms(`${outlet} reported: “${sentence}”`, ctx.lexicon),
        quote: sentence,
        from: 'article',
      },
      facets: claimFacets(sentence, ctx.countries, self, published),
    });
  }
  return statements;
}
