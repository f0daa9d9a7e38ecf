import { UserError } from '../errors.js';
import type { FeedItem } from './feed-schema.js';
import { FILTER_LIMITS } from './subscription.js';

/** Case and accents folded, white space collapsed: "Défense" and "DEFENSE" read alike. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** An admin's comma-separated words, folded, without repeats; refused with one sentence when too many or too long. */
export function parseFilterTerms(input: string | undefined, optionName: string): string[] {
  if (!input) return [];
  const terms = [...new Set(input.split(',').map(foldText).filter(Boolean))];
  if (terms.length > FILTER_LIMITS.maxTerms) {
    throw new UserError('BAD_INPUT', `Give at most ${FILTER_LIMITS.maxTerms} words in \`${optionName}\`.`);
  }
  const long = terms.find((term) => term.length > FILTER_LIMITS.maxTermChars);
  if (long) {
    throw new UserError(
      'BAD_INPUT',
      `Each word in \`${optionName}\` may have at most ${FILTER_LIMITS.maxTermChars} characters.`,
    );
  }
  return terms;
}

export interface ItemFilter {
  include: string[];
  exclude: string[];
}

const asLiteral = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A term matches as a whole word or phrase: "war" is in "the war ended", not in "software". */
function termPattern(terms: string[]): RegExp | null {
  if (terms.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(asLiteral).join('|')})(?![\\p{L}\\p{N}])`, 'u');
}

/** Whether an item passes the feed's filters, read on its title and text. Build once per poll. */
export function createItemFilter({ include, exclude }: ItemFilter): (item: FeedItem) => boolean {
  const wanted = termPattern(include);
  const unwanted = termPattern(exclude);
  if (!wanted && !unwanted) return () => true;
  return (item) => {
    const text = foldText(`${item.title}\n${item.summaryText}\n${item.contentText}`);
    return (!wanted || wanted.test(text)) && !unwanted?.test(text);
  };
}
