import { findQuotes, maskQuotes, type QuoteSpan } from './find-quotes.js';

/** Verbs that report speech or a stance, lowercase as they stand inside a sentence. */
const REPORTING_VERB = new RegExp(
  `(?<![-\\p{L}])(?:${[
    'said',
    'says',
    'told',
    'tells',
    'added',
    'adds',
    'announced',
    'stated',
    'noted',
    'warned',
    'warns',
    'claimed',
    'insisted',
    'insists',
    'stressed',
    'emphasi[sz]ed',
    'confirmed',
    'denied',
    'denies',
    'accused',
    'accuses',
    'condemned',
    'denounced',
    'urged',
    'vowed',
    'pledged',
    'threatened',
    'argued',
    'explained',
    'declared',
    'alleged',
    'acknowledged',
    'admitted',
    'estimated',
    'predicted',
    'revealed',
    'maintained',
    'asserted',
    'affirmed',
    'reiterated',
    'assured',
    'reassured',
    'underlined',
    'cautioned',
    'complained',
    'dismissed',
    'rejected',
    'blamed',
    'called(?=\\s+(?:for|on|it|them|him|her|the|a|an|this|that|these|those)\\b)',
    'pointed out',
    'continued by saying',
    'issued a warning',
    'was quoted as saying',
  ].join('|')})\\b`,
  'gu',
);

const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
/** Words between a subject and its verb that are not the subject ("has", "also", "on Monday"). */
const BETWEEN_SUBJECT_AND_VERB = new RegExp(
  `(?:\\s+(?:has|have|had|also|separately|later|earlier|again|repeatedly|previously|then|further|now|once|recently|publicly|privately|(?:on|late on|early on|last|this|late|early)\\s+(?:${WEEKDAY}|week|month|year|night|morning|evening|weekend)(?:\\s+(?:night|morning|evening|afternoon))?|in\\s+(?:a|an|his|her|its|their)\\s+\\S+(?:\\s+\\S+)?|(?:in|on|last|this|early|late)\\s+${MONTH}(?:\\s+\\d{1,2})?|in\\s+\\d{4}))+\\s*$`,
  'u',
);
/** After the verb, a sign that what was said follows: a colon, a quotation, "that", or a clause. */
const CONTENT_FOLLOWS = /^\s*(?:,\s*)?(?::|◊|[“"«]|that\b)/;
const ACCORDING_TO = /\b[Aa]ccording to ((?:[^\s,.;◊]+\s*){1,12})/u;
const CLAUSE_BOUNDARY = /[;:(—◊“”"«»]|\s[–-]\s/g;

export { REPORTING_VERB };

export interface Attribution {
  verb: string;
  /** The subject phrase as written, and a phrase set off beside it ("…, the chief of staff, said"). */
  subject: string;
  appositive: string | null;
  /** Where the subject phrase stands in the sentence, to name the speaker in its place. */
  subjectStart: number;
  subjectEnd: number;
  /** What was said sits after the verb ("X said that …") or before the subject ("…, X said."). */
  contentAfter: boolean;
  verbEnd: number;
  /** "Name, a spokesperson for X, the operation against Y, said": the name two phrases back; a person or nothing. */
  personOnly?: boolean;
}

export interface ReadSentence {
  quotes: QuoteSpan[];
  /** The sentence with quoted words blanked. */
  masked: string;
  /** Share of the sentence's characters inside quotation marks. */
  quotedShare: number;
  attributions: Attribution[];
}

function lastBoundary(text: string): number {
  let at = 0;
  for (const m of text.matchAll(CLAUSE_BOUNDARY)) at = m.index + m[0].length;
  return at;
}

type Subject = Omit<Attribution, 'verb' | 'verbEnd' | 'contentAfter'>;

/**
 * The subject phrases before a verb: "X said", "Name, role, said" and "Role, Name, said" (with the
 * phrase set off beside it), and for "Name, role, description, said" the name two phrases back.
 */
function subjectsBefore(masked: string, verbAt: number): Subject[] {
  const left = masked.slice(0, verbAt).replace(BETWEEN_SUBJECT_AND_VERB, '');
  const from = lastBoundary(left);
  const clause = left.slice(from);
  const parts: { text: string; start: number }[] = [];
  let start = 0;
  for (const piece of clause.split(',')) {
    parts.push({ text: piece, start: from + start });
    start += piece.length + 1;
  }
  const last = parts.at(-1);
  if (!last) return [];
  const found: Subject[] = [];
  const at = (i: number) => parts.at(i) as (typeof parts)[number];
  if (!last.text.trim() && parts.length >= 4 && at(-4).text.trim()) {
    const name = at(-4).text.trim();
    const subjectStart = at(-4).start + at(-4).text.indexOf(name);
    found.push({
      subject: name,
      appositive: at(-3).text.trim(),
      subjectStart,
      subjectEnd: left.length,
      personOnly: true,
    });
  }
  let head = last;
  let appositive: string | null = null;
  if (!last.text.trim() && parts.length >= 3) {
    head = at(-3);
    appositive = at(-2).text.trim();
  }
  // "Defence Minister Arjun Mehta congratulated the scientists and said …": the subject opens the clause.
  const coordinated =
    appositive === null && /\sand\s*$/.test(head.text) && !/\b(?:who|which|that)\b/.test(head.text)
      ? /^\s*((?:[\p{Lu}][\p{L}.'’-]*\s+)+)/u.exec(head.text)
      : null;
  const subject = (coordinated?.[1] ?? head.text).trim();
  if (!subject) return found;
  const subjectStart = head.start + head.text.indexOf(subject);
  const subjectEnd = appositive === null ? subjectStart + subject.length : left.length;
  found.push({ subject, appositive, subjectStart, subjectEnd });
  return found;
}

/** "…,” said Trell." and "…, said the ministry.": the subject stands after the verb, to the sentence's end. */
function subjectAfter(
  masked: string,
  verbAt: number,
  verbEnd: number,
): Omit<Attribution, 'verb' | 'verbEnd' | 'contentAfter'> | null {
  if (!/[,◊”"]\s*$/.test(masked.slice(0, verbAt))) return null;
  const rest = /^\s+([^,.;:◊]+?)(?=\s*(?:[,.;]|$))/.exec(masked.slice(verbEnd));
  if (!rest?.[1]) return null;
  const subjectStart = verbEnd + (rest[0].length - rest[1].length);
  return { subject: rest[1], appositive: null, subjectStart, subjectEnd: subjectStart + rest[1].length };
}

/** Words in a phrase, not counting blanked quotations. */
const wordCount = (s: string) => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

/**
 * Reads the attribution patterns of one sentence: every reporting verb with the subject before it
 * (or after it, "said X"), "according to X", and where the reported words stand. Which subject
 * names a real speaker is decided by the caller, which knows the article's people.
 */
export function readSentence(text: string): ReadSentence {
  const quotes = findQuotes(text);
  const masked = maskQuotes(text, quotes);
  const quotedChars = quotes.reduce((n, q) => n + (q.end - q.start), 0);
  const attributions: Attribution[] = [];
  for (const m of masked.matchAll(REPORTING_VERB)) {
    const verbEnd = m.index + m[0].length;
    for (const found of [...subjectsBefore(masked, m.index), subjectAfter(masked, m.index, verbEnd)]) {
      if (!found) continue;
      const before = masked.slice(0, found.subjectStart).replace(/[\s,]+$/, '');
      const contentAfter =
        CONTENT_FOLLOWS.test(masked.slice(verbEnd)) ||
        !(before.includes('◊') || wordCount(before) >= 5) ||
        found.subjectStart > m.index;
      attributions.push({
        verb: m[0],
        verbEnd,
        contentAfter: found.subjectStart > m.index ? false : contentAfter,
        ...found,
      });
    }
  }
  const according = ACCORDING_TO.exec(masked);
  if (according?.[1]) {
    const subject = according[1].trim();
    const subjectStart = according.index + according[0].indexOf(according[1]);
    attributions.push({
      verb: 'according to',
      subject,
      appositive: null,
      subjectStart,
      subjectEnd: subjectStart + subject.length,
      contentAfter: according.index < 3,
      verbEnd: according.index + according[0].length,
    });
  }
  return { quotes, masked, quotedShare: quotedChars / Math.max(1, text.length), attributions };
}
