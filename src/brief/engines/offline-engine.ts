import { UserError } from '../../errors.js';
import { capAtWord } from '../../text/cap-at-word.js';
import { type Engine, LENGTH_LIMITS, NO_USAGE } from './engine.js';
import { chooseClaims } from './offline/choose-claims.js';
import { articleLanguage, detectLanguage, languageName } from './offline/detect-language.js';
import { findClaims, toClaimDraft } from './offline/find-claims.js';
import { nameTagsFrom } from './offline/name-tags.js';
import { centralityScores, mostCentralSentences } from './offline/rank-sentences.js';
import { loadNlp, splitSentences } from './offline/split-sentences.js';

const OFFLINE_MODEL = 'offline-extractive-1';

/**
 * The brief without any network: the most central sentences in article order, claims from
 * attribution patterns with their speakers resolved, and the outlet's headline kept inside
 * quotation marks (it is their framing, not ours). It reads English only and says so for other
 * languages; it never rewrites, so its caveats say so.
 */
export function createOfflineEngine(): Engine {
  return {
    name: 'offline',
    model: OFFLINE_MODEL,
    // Part of the cache key: bump when the offline engine's output changes, so old briefs are not served.
    promptVersion: 'offline-2026-11-28.2',
    async draft(article, { length, language }) {
      const detected = await detectLanguage(article.text);
      const articleLang = articleLanguage(detected, article.language);
      if (articleLang && articleLang !== 'en') {
        throw new UserError(
          'UNSUPPORTED_LANGUAGE',
          `The offline engine reads only English and this article is in ${languageName(articleLang)}, so it needs a model engine to be briefed.`,
        );
      }
      const sentences = await splitSentences(article.text);
      const limits = LENGTH_LIMITS[length];
      const central = mostCentralSentences(sentences, limits.sentences);
      const source = article.outlet ?? article.domain ?? 'The article';
      const headline = article.title
        ? `${source} reports: “${capAtWord(article.title, 160)}”`
        : capAtWord(central[0]?.text ?? 'Untitled text', 200);
      const found = findClaims(sentences, nameTagsFrom(await loadNlp()));
      const chosen = chooseClaims(found.candidates, centralityScores(sentences), limits.claims);
      const claims = chosen.map((c) => toClaimDraft(c, article.outlet ?? 'The outlet'));
      const caveats = [
        'Made by the offline engine: summary sentences are copied from the article, not rewritten, so they may keep its framing; its loaded words are put in quotation marks.',
      ];
      if (!language.startsWith('en')) {
        caveats.push(`The offline engine cannot translate: the brief stays in the article's language (English).`);
      }
      for (const note of found.sourcingNotes.slice(0, 2)) caveats.push(capAtWord(`The article says: “${note}”`, 300));
      const speakers = new Set(claims.filter((c) => c.attribution !== 'outlet_voice').map((c) => c.claimant.name));
      const unverified = claims
        .filter((c) => c.checkable)
        .slice(0, 5)
        .map((c) => capAtWord(`${c.claimant.name}: ${c.statement}`, 300));
      if (speakers.size <= 1 && claims.length > 0) {
        caveats.push('Every claim in the article comes from a single source; no independent confirmation is cited.');
      }
      return {
        draft: {
          summary: { headline: capAtWord(headline, 200), sentences: central.map((s) => capAtWord(s.text, 400)) },
          claims,
          unverified,
          caveats,
        },
        usage: NO_USAGE,
        repairRounds: 0,
      };
    },
  };
}
