import { capAtWord } from '../../../text/cap-at-word.js';
import type { BriefDraft } from '../../schema.js';
import { type Attribution, REPORTING_VERB, readSentence } from './attribute-sentence.js';
import { claimKind } from './claim-kind.js';
import { describeSubject, describeWithAppositive, type Mention, type NameTags } from './describe-subject.js';
import { Discourse, type Entity, resolved } from './discourse.js';
import { findQuotes } from './find-quotes.js';
import { PERSON_ROLES, TITLE_WORDS } from './speaker-words.js';
import type { Sentence } from './split-sentences.js';

type ClaimDraft = BriefDraft['claims'][number];

/** A claim the article makes, before the engine chooses which ones fit in the brief. */
export interface Candidate {
  /** The sentence it comes from, and its order among that sentence's claims. */
  index: number;
  part: number;
  /** Who makes it; null for the outlet's own voice. Resolved only once the whole article is read. */
  speaker: Entity | null;
  statement: string;
  quote: string | null;
  /** Said in passing (", adding that …"): ranked below the main point of its sentence. */
  secondary: boolean;
}

export interface FoundClaims {
  candidates: Candidate[];
  /** What the article says about its own sourcing ("could not be independently verified"). */
  sourcingNotes: string[];
}

const DATELINE = /^[\p{Lu}][\p{Lu}\s.,'’-]{1,40}\s+[–—-]\s+/u;
const SOURCING =
  /\b(?:could not (?:be )?(?:independently )?(?:verif|confirm)\w*|not (?:be )?independently (?:verified|confirmed)|did not (?:immediately )?(?:respond|comment|reply|return)\w*|declined to comment|did not give details|was not immediately (?:clear|possible|available)|unavailable for comment|has not been (?:independently )?verified)\b/i;
const SECONDARY =
  /,\s+(adding|stressing|saying|noting|warning|insisting|emphasi[sz]ing|arguing|explaining|claiming|underlining)\s+that\s+/g;
const PAST: Record<string, string> = {
  adding: 'added',
  stressing: 'stressed',
  saying: 'said',
  noting: 'noted',
  warning: 'warned',
  insisting: 'insisted',
  emphasising: 'emphasised',
  emphasizing: 'emphasized',
  arguing: 'argued',
  explaining: 'explained',
  claiming: 'claimed',
  underlining: 'underlined',
};
/** A shorter unattributed sentence is a transition ("X backed Tallinn."), not a claim of the outlet's own. */
const OWN_VOICE_WORDS = 12;
/** Quotations shorter than this are a word or two in scare quotes, not someone's statement. */
const MIN_QUOTE_CHARS = 12;

const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function displayName(entity: Entity): string {
  return capAtWord(resolved(entity).name, 120);
}

/** The longest quotation in a claim's text, as its verbatim evidence (names are put in outside quotations only). */
function longestQuote(text: string): string | null {
  const longest = findQuotes(text)
    .filter((q) => q.text.length >= MIN_QUOTE_CHARS)
    .sort((a, b) => b.text.length - a.text.length)[0];
  return longest ? verbatimCap(longest.text) : null;
}

/** A quote cut at a word within the schema's 600 characters, with no ellipsis, so it stays verbatim. */
function verbatimCap(text: string): string {
  if (text.length <= 600) return text;
  const cut = text.slice(0, 600);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 300)).trimEnd();
}

interface Piece {
  text: string;
  secondary: boolean;
}

/**
 * One sentence's claims: the whole sentence, or, when it reports several things ("said A and that
 * B", "said A, adding that B"), one per reported clause, each naming its speaker.
 */
function splitReported(text: string, masked: string, attribution: Attribution, name: string): Piece[] {
  if (!attribution.contentAfter) return [{ text, secondary: false }];
  const cuts: { at: number; resume: number; verb: string; secondary: boolean }[] = [];
  const tail = masked.slice(attribution.verbEnd);
  for (const m of tail.matchAll(/,?\s+and that\s+/g)) {
    cuts.push({
      at: attribution.verbEnd + m.index,
      resume: attribution.verbEnd + m.index + m[0].length,
      verb: attribution.verb,
      secondary: false,
    });
  }
  // "said A and accused B of C": a second reporting verb for the same speaker.
  for (const m of tail.matchAll(new RegExp(`,?\\s+and\\s+(?=(?:${REPORTING_VERB.source})\\b)`, 'g'))) {
    const resume = attribution.verbEnd + m.index + m[0].length;
    cuts.push({ at: attribution.verbEnd + m.index, resume, verb: '', secondary: false });
  }
  for (const m of tail.matchAll(SECONDARY)) {
    const verb = PAST[(m[1] as string).toLowerCase()] ?? 'said';
    cuts.push({
      at: attribution.verbEnd + m.index,
      resume: attribution.verbEnd + m.index + m[0].length,
      verb,
      secondary: true,
    });
  }
  if (cuts.length === 0) return [{ text, secondary: false }];
  cuts.sort((a, b) => a.at - b.at);
  const pieces: Piece[] = [];
  let from = 0;
  let lead = '';
  let secondary = false;
  for (const cut of [...cuts, { at: text.length, resume: text.length, verb: '', secondary: false }]) {
    const body = text.slice(from, cut.at).replace(/[\s,;]+$/, '');
    pieces.push({ text: `${lead}${body}${/[.!?”"]$/.test(body) ? '' : '.'}`, secondary });
    lead = cut.verb ? `${name} ${/^(according to|told|tells)$/.test(cut.verb) ? 'said' : cut.verb} that ` : `${name} `;
    from = cut.resume;
    secondary = cut.secondary;
  }
  return pieces;
}

/**
 * A sentence that opens with a named person or body ("NATO Secretary General Pieter van Aalst backed
 * …", "The U.S. Army has awarded …") makes them the one a later "he" or "the service" may mean.
 */
function leadingSubject(text: string, tags: NameTags): Mention | null {
  const run: string[] = [];
  const words = text.replace(DATELINE, '').split(/\s+/);
  for (const [i, word] of words.entries()) {
    const particle = /^(?:van|von|de|al|bin|of|the)$/.test(word) && /^\p{Lu}/u.test(words[i + 1] ?? '');
    const role = PERSON_ROLES.has(word.toLowerCase()) || TITLE_WORDS.has(word.toLowerCase());
    if (!/^\p{Lu}/u.test(word) && !particle && !role) break;
    run.push(word.replace(/[,;:]+$/, ''));
    if (/[,;:]$/.test(word)) break;
  }
  while (run.length && !/^\p{Lu}/u.test(run.at(-1) as string)) run.pop();
  if (run.length === words.length) return null;
  const mention = run.length ? describeSubject(run.join(' '), tags) : null;
  if (mention?.kind === 'person') return mention.role || mention.name.includes(' ') ? mention : null;
  return mention?.kind === 'org' && /\s/.test(mention.name) ? mention : null;
}

/** Replaces a pronoun or role noun standing as the subject with the name it refers to. */
function nameSubject(text: string, attribution: Attribution, mention: Mention, name: string): string {
  if (mention.kind !== 'pronoun' && mention.kind !== 'role') return text;
  if (text.slice(attribution.subjectStart, attribution.subjectEnd).toLowerCase().includes(name.toLowerCase()))
    return text;
  const before = text.slice(0, attribution.subjectStart);
  return `${before}${name}${text.slice(attribution.subjectEnd)}`;
}

/**
 * Claims from attribution patterns, sentence by sentence: a reporting verb or "according to" with a
 * subject that names a speaker (a person, a body, a group, or a pronoun or role noun resolved to
 * one met before), the quotation as verbatim evidence, and quotations that carry on over the next
 * sentences with the same speaker. Sentences in the outlet's own voice are candidates too.
 */
export function findClaims(sentences: Sentence[], tags: NameTags): FoundClaims {
  const discourse = new Discourse();
  const candidates: Candidate[] = [];
  const sourcingNotes: string[] = [];
  let last: { speaker: Entity; paragraph: number; index: number; quoted: boolean } | null = null;

  for (const sentence of sentences) {
    const { text, index, paragraph } = sentence;
    const read = readSentence(text);
    const opening = leadingSubject(text, tags);
    const opener = opening ? discourse.resolve(opening, index) : null;
    if (opener) discourse.noteSubject(opener, index);
    let found: { attribution: Attribution; mention: Mention; speaker: Entity } | null = null;
    for (const attribution of read.attributions) {
      const mention = describeWithAppositive(attribution.subject, attribution.appositive, tags);
      if (attribution.personOnly && mention?.kind !== 'person') continue;
      const speaker = mention ? discourse.resolve(mention, index) : null;
      if (mention && speaker) {
        found = { attribution, mention, speaker };
        break;
      }
    }

    if (found) {
      const { attribution, mention, speaker } = found;
      discourse.noteSubject(speaker, index);
      const name = resolved(speaker).name;
      const named = nameSubject(text, attribution, mention, name);
      const shift = named.length - text.length;
      const masked = shift === 0 && named === text ? read.masked : nameSubject(read.masked, attribution, mention, name);
      const shifted = {
        ...attribution,
        verbEnd: attribution.verbEnd + (attribution.verbEnd > attribution.subjectStart ? shift : 0),
      };
      splitReported(named, masked, shifted, name).forEach((piece, part) => {
        candidates.push({
          index,
          part,
          speaker,
          statement: sentenceCase(piece.text.replace(DATELINE, '')),
          quote: longestQuote(piece.text),
          secondary: piece.secondary,
        });
      });
      last = { speaker, paragraph, index, quoted: read.quotes.length > 0 };
      continue;
    }

    // A quotation with no attribution of its own carries on what the last speaker said, in the same
    // paragraph or straight after a quoted paragraph.
    const carriesOn =
      read.quotedShare >= 0.6 &&
      last !== null &&
      (last.paragraph === paragraph || (last.quoted && last.paragraph === paragraph - 1 && last.index === index - 1));
    if (carriesOn && last) {
      candidates.push({
        index,
        part: 0,
        speaker: last.speaker,
        statement: `${resolved(last.speaker).name} added: ${text}`,
        quote: longestQuote(text),
        secondary: false,
      });
      last = { ...last, index };
      continue;
    }

    if (SOURCING.test(text)) {
      sourcingNotes.push(text);
      continue;
    }
    const wordCount = text.split(/\s+/).length;
    if (wordCount >= OWN_VOICE_WORDS && read.quotedShare < 0.5 && /[.!?”"]$/.test(text)) {
      candidates.push({
        index,
        part: 0,
        speaker: null,
        statement: text.replace(DATELINE, ''),
        quote: null,
        secondary: false,
      });
    }
  }
  return { candidates, sourcingNotes };
}

/** The claim as the brief shows it, its speaker resolved now that the whole article has been read. */
export function toClaimDraft(candidate: Candidate, outlet: string): ClaimDraft {
  const kind = claimKind(candidate.statement);
  const speaker = candidate.speaker ? resolved(candidate.speaker) : null;
  return {
    claimant: speaker
      ? { name: displayName(speaker), role: speaker.role ? capAtWord(speaker.role, 160) : null }
      : { name: capAtWord(outlet, 120), role: 'the outlet, in its own voice' },
    statement: capAtWord(candidate.statement, 400),
    quote: candidate.quote,
    kind,
    attribution: !speaker ? 'outlet_voice' : candidate.quote ? 'direct_quote' : 'paraphrase',
    checkable: kind === 'fact' || kind === 'forecast',
  };
}
