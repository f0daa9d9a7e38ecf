import { capAtWord } from '../../../text/cap-at-word.js';
import type { BriefDraft } from '../../schema.js';
import type { Sentence } from './split-sentences.js';

type ClaimDraft = BriefDraft['claims'][number];

const REPORTING_VERB =
  /\b(said|says|stated|stress(?:ed|es|ing)|warn(?:ed|s|ing)|issued a warning|add(?:ed|s)|told|announc(?:ed|es)|claim(?:ed|s)|insist(?:ed|s)|emphasi[sz](?:ed|es)|reassur(?:ed|es)|underlin(?:ed|es|ing)|continu(?:ed|es) by saying|declar(?:ed|es)|argu(?:ed|es)|asserted|affirm(?:ed|s)|confirm(?:ed|s)|denied|denies|accus(?:ed|es)|vow(?:ed|s)|pledg(?:ed|es)|threaten(?:ed|s)|urg(?:ed|es)|maintain(?:ed|s)|alleg(?:ed|es)|reveal(?:ed|s)|pointed out)\b/i;
const ACCORDING_TO = /\baccording to ((?:[\p{Lu}\p{Ll}.'’-]+\s?){1,6})/u;
const BACK_REFERENCE =
  /(?:^|[,;]\s*|^(?:additionally|also|moreover|meanwhile|however),?\s+)(he|she|they|the [\p{L} ]{0,40}?(?:general|commander|minister|ministry|official|spokes(?:man|woman|person)|chief|president|army|military))(?:\s+(?:also|has|have|had|then))*\s*$/iu;
const DATELINE = /^[\p{Lu}\s.,]{2,40}\s+[–—-]\s+/u;
const QUOTED = /[“"]([^”"]{12,})(?:[”"]|$)/u;

const KIND_RULES: [ClaimDraft['kind'], RegExp][] = [
  ['threat', /\b(warn\w*|retaliat\w*|swift response|respond\w*|regret|punish\w*|consequences|destroy\w*)\b/i],
  ['policy', /\b(never be negotiable|necessity|decided|policy|must|will not allow|without hesitation)\b/i],
  ['forecast', /\b(will|going to|expects?|is expected)\b/i],
  ['evaluation', /\b(recogni[sz]\w*|believes?|shows?|proves?|declin\w*|significant|great|seeks?|trying)\b/i],
];

interface Speaker {
  name: string;
  role: string | null;
}

function kindOf(text: string): ClaimDraft['kind'] {
  return KIND_RULES.find(([, pattern]) => pattern.test(text))?.[0] ?? 'fact';
}

function surnameOf(name: string): string {
  return name.split(' ').at(-1) ?? name;
}

function lastReportingVerbAt(text: string): number {
  let at = text.length;
  for (const match of text.matchAll(new RegExp(REPORTING_VERB.source, 'gi'))) at = match.index;
  return at;
}

/** ", the chief of staff of the Armed Forces," right after a name is that person's role. */
function roleAfter(sentence: string, name: string): string | null {
  const after = sentence.slice(sentence.indexOf(name) + name.length);
  const match = /^,\s+((?:the\s+)?[^,]{3,80}),/i.exec(after);
  return match?.[1] ?? null;
}

/** The words before the reporting verb, when they read as a short subject ("A top Iranian commander"). */
function subjectBeforeVerb(sentence: string): string | null {
  const verb = REPORTING_VERB.exec(sentence);
  if (!verb) return null;
  const subject = sentence
    .slice(0, verb.index)
    .replace(DATELINE, '')
    .replace(/\s+(has|have|had|also)\s*$/i, '')
    .trim();
  const words = subject.split(/\s+/).length;
  return subject && words <= 8 && !/[,“"]/.test(subject) ? subject : null;
}

/**
 * Claims from attribution patterns: a reporting verb or "according to", the speaker named by
 * compromise (or carried over from an earlier sentence for "he", "the general", a surname), and a
 * direct quote when the sentence has one. Sentences in the outlet's own voice fill what is left.
 */
export function findClaims(sentences: Sentence[], outlet: string | null, limit: number): ClaimDraft[] {
  const attributed: { index: number; claim: ClaimDraft }[] = [];
  const unattributed: { index: number; claim: ClaimDraft }[] = [];
  const known: Speaker[] = [];
  let lastSpeaker: Speaker | null = null;

  for (const sentence of sentences) {
    const text = sentence.text;
    for (const name of sentence.people) {
      if (!known.some((k) => k.name === name)) known.push({ name, role: roleAfter(text, name) });
    }
    const according = ACCORDING_TO.exec(text)?.[1]
      ?.trim()
      .replace(/[.,;]$/, '');
    const hasVerb = REPORTING_VERB.test(text);
    if (!hasVerb && !according) {
      if (text.split(/\s+/).length >= 8) {
        const name = outlet ?? 'The outlet';
        unattributed.push({
          index: sentence.index,
          claim: {
            claimant: { name, role: 'the outlet, in its own voice' },
            statement: capAtWord(text, 400),
            quote: null,
            kind: kindOf(text),
            attribution: 'outlet_voice',
            checkable: true,
          },
        });
      }
      continue;
    }
    // Speakers stand before their verb: a name after it ("said in a message to X") is an addressee.
    const before = text.slice(0, lastReportingVerbAt(text));
    const mentioned = known
      .filter((k) => before.includes(k.name) || before.includes(surnameOf(k.name)))
      .sort((a, b) => before.lastIndexOf(surnameOf(b.name)) - before.lastIndexOf(surnameOf(a.name)))[0];
    const startsWithBackReference =
      BACK_REFERENCE.test(before.replace(DATELINE, '')) || BACK_REFERENCE.test(text.split(/\s+/).slice(0, 3).join(' '));
    const speaker: Speaker | null = according
      ? { name: according, role: null }
      : (mentioned ??
        (startsWithBackReference && lastSpeaker ? lastSpeaker : null) ??
        (subjectBeforeVerb(text) ? { name: subjectBeforeVerb(text) as string, role: null } : lastSpeaker));
    if (!speaker) continue;
    lastSpeaker = speaker;
    const quote = QUOTED.exec(text)?.[1]?.trim() ?? null;
    const kind = kindOf(text);
    attributed.push({
      index: sentence.index,
      claim: {
        claimant: { name: capAtWord(speaker.name, 120), role: speaker.role },
        statement: capAtWord(text, 400),
        quote: quote ? capAtWord(quote, 600) : null,
        kind,
        attribution: quote ? 'direct_quote' : 'paraphrase',
        checkable: kind === 'fact' || kind === 'forecast',
      },
    });
  }
  // The outlet's own voice gets about a quarter of the slots, or whatever attributed claims leave.
  const outletSlots = Math.min(unattributed.length, Math.max(1, Math.floor(limit / 4)));
  const fromSpeakers = attributed.slice(0, limit - outletSlots);
  const chosen = [...fromSpeakers, ...unattributed.slice(0, limit - fromSpeakers.length)];
  return chosen.sort((a, b) => a.index - b.index).map((c) => c.claim);
}
