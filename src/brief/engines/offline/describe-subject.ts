import {
  GROUP_NOUNS,
  OFFICES_BEFORE_GENERAL,
  ORG_NOUNS,
  ORG_WORDS,
  PERSON_ROLES,
  RANK_WORDS,
  TITLE_AFTER_OF,
  TITLE_WORDS,
} from './speaker-words.js';

export type Gender = 'm' | 'f' | null;

/** Who a subject names, before it is resolved against the people and bodies met so far. */
export type Mention =
  | { kind: 'pronoun'; pronoun: 'he' | 'she' | 'they' | 'it' }
  /** A named person: "Rear Admiral Hossein Karimi", "Bagheri". */
  /** `gender` from a title or role word; `nameGender` from a first-name list, which is only a hint. */
  | { kind: 'person'; name: string; role: string | null; gender: Gender; nameGender: Gender }
  /** A named body or place: "the Ministry of Defence", "Hamas", "Israel". */
  | { kind: 'org'; name: string; role: string | null }
  /** "the commander", "the Armed Forces chief", "the ministry": someone met before, by role. */
  | { kind: 'role'; head: string; modifiers: string[]; phrase: string; person: boolean; gender: Gender }
  /** "An IDF spokesperson", "Lebanon's state news agency", "officials": an unnamed speaker. */
  | { kind: 'descriptor'; name: string; head: string; person: boolean; group: boolean; gender: Gender };

export interface NameTags {
  /** compromise's reading of a capitalized word: a first name (with its gender), a place, an organisation. */
  tagsOf(word: string): {
    firstName: Gender | 'unknown' | null;
    person: boolean;
    place: boolean;
    organization: boolean;
  };
}

const PRONOUNS: Record<string, 'he' | 'she' | 'they' | 'it'> = { he: 'he', she: 'she', they: 'they', it: 'it' };
const DETERMINER = /^(?:the|a|an)$/i;
const PREPOSITION =
  /^(?:for|of|from|in|at|to|with|on|near|inside|by|against|about|over|under|between|during|after|before|into|through|via|out)$/i;
const PARTICLE = /^(?:van|von|de|der|den|al|el|bin|ibn|da|di|du|la|le|of|the|on|for|and)$/;
/** Words a subject may open with that are not part of it ("But Parise said", "Meanwhile, …"). */
const OPENERS =
  /^(?:and|but|yet|though|although|while|whereas|as|so|because|since|meanwhile|however|also|still|instead|now|then)$/i;
/** Words no speaker's name or description contains: the phrase is a clause, not a subject. */
const NOT_IN_SUBJECT =
  /^(?:that|which|who|whom|whose|is|are|was|were|been|be|being|has|have|had|will|would|can|could|should|may|might|must|do|does|did|not|when|if|because|what|how|why|where|i|we|you|me|us|my|our|your)$/i;
const isCapitalized = (w: string) => /^\p{Lu}/u.test(w);
const bare = (w: string) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '').replace(/['’]s$/, '');
const lower = (w: string) => bare(w).toLowerCase();

function genderOfWords(list: string[]): Gender {
  const ws = list.map(lower);
  if (ws.some((w) => /^(spokeswoman|chairwoman|mrs\.?|ms\.?|queen|princess|dame|congresswoman)$/.test(w))) return 'f';
  if (ws.some((w) => /^(spokesman|chairman|mr\.?|king|prince|sir|congressman)$/.test(w))) return 'm';
  return null;
}

/** The last run of capitalized words (with name particles between them) in a list of words. */
function lastCapitalizedRun(list: string[]): { from: number; to: number } | null {
  let to = list.length - 1;
  while (to >= 0 && !isCapitalized(list[to] as string)) to--;
  if (to < 0) return null;
  let from = to;
  while (from > 0) {
    const prev = list[from - 1] as string;
    if (DETERMINER.test(prev)) break;
    if (isCapitalized(prev) || (PARTICLE.test(prev) && from - 2 >= 0 && isCapitalized(list[from - 2] as string)))
      from--;
    else break;
  }
  return { from, to };
}

/** Index of the last title word in a run ("Deputy Press Secretary Karen Oduya" → "Secretary"). */
function lastTitleAt(run: string[]): number {
  let at = -1;
  run.forEach((w, i) => {
    const l = lower(w);
    const afterOf = i > 0 && lower(run[i - 1] as string) === 'of';
    // After "of" only "Chief of Staff", "Secretary of State" make a title; "Ministry of Defence" is a body.
    if (afterOf ? i > 1 && TITLE_WORDS.has(lower(run[i - 2] as string)) && TITLE_AFTER_OF.has(l) : TITLE_WORDS.has(l)) {
      at = i;
    }
  });
  return at;
}

function cleanRole(list: string[]): string | null {
  const text = list
    .join(' ')
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/[\s,]+$/, '')
    .trim();
  return text || null;
}

/** A noun phrase that ends in a lowercase noun: a group, a role met before, or an unnamed speaker. */
function describeByHead(list: string[], whole: string[], tags: NameTags): Mention | null {
  const head = lower(list.at(-1) ?? '');
  const person = PERSON_ROLES.has(head);
  const group = GROUP_NOUNS.has(head);
  if (!person && !group && !ORG_NOUNS.has(head)) return null;
  const possessive = list.some((w) => /['’]s$/.test(w));
  const definite = /^the$/i.test(list[0] ?? '');
  const gender = genderOfWords(list);
  const modifiers = list.slice(definite ? 1 : 0, -1).filter((w) => isCapitalized(w) && !tags.tagsOf(bare(w)).place);
  if (definite && !possessive && !group && whole.length === list.length) {
    const phrase = list.slice(1).join(' ');
    return { kind: 'role', head, modifiers: modifiers.map(bare), phrase, person, gender };
  }
  const name = whole
    .join(' ')
    .replace(/^(?:the|a|an)\s+/i, '')
    .trim();
  return { kind: 'descriptor', name, head, person, group, gender };
}

/** A phrase that ends in a capitalized run: a person after any titles, or a body or place. */
function describeByName(list: string[], whole: string[], tags: NameTags): Mention | null {
  const run = lastCapitalizedRun(list);
  if (!run || run.to !== list.length - 1) return null;
  const words = list.slice(run.from, run.to + 1);
  const titleAt = lastTitleAt(words);
  const nameWords = words
    .slice(titleAt + 1)
    .filter((w, i, all) => w !== 'the' && (w !== 'of' || i > 0 || all.length < 2));
  const before = [...list.slice(0, run.from), ...words.slice(0, titleAt + 1)];
  const after = whole.slice(list.length);
  const orgLike = nameWords.some((w) => ORG_WORDS.has(lower(w)) || tags.tagsOf(bare(w)).organization);
  const fullName = [...list, ...after]
    .join(' ')
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/[,\s]+$/, '');
  if (nameWords.length === 0) {
    const head = lower(words.at(-1) ?? '');
    return PERSON_ROLES.has(head)
      ? { kind: 'role', head, modifiers: [], phrase: words.join(' '), person: true, gender: genderOfWords(words) }
      : null;
  }
  if (orgLike) {
    // "Rosaly Lopes of NASA's Jet Propulsion Laboratory": a person of a body, not the body.
    const of = nameWords.indexOf('of');
    const own = of > 1 ? nameWords.slice(0, of) : [];
    if (own.length >= 2 && !own.some((w) => ORG_WORDS.has(lower(w)) || tags.tagsOf(bare(w)).place)) {
      const rest = [...nameWords.slice(of), ...after];
      return {
        kind: 'person',
        name: own.join(' '),
        role: cleanRole([...before, ...rest]),
        gender: genderOfWords(before),
        nameGender: null,
      };
    }
    return { kind: 'org', name: fullName, role: null };
  }
  const first = tags.tagsOf(bare(nameWords[0] as string));
  const placeLike = nameWords.every((w) => tags.tagsOf(bare(w)).place);
  if (placeLike && before.every((w) => DETERMINER.test(w))) return { kind: 'org', name: fullName, role: null };
  const roleBefore = PERSON_ROLES.has(lower(list[run.from - 1] ?? ''));
  const personLike = nameWords.length >= 2 || first.firstName !== null || first.person || titleAt >= 0 || roleBefore;
  if (!personLike) return { kind: 'org', name: fullName, role: null };
  const nameGender = first.firstName === 'm' || first.firstName === 'f' ? first.firstName : null;
  const rank = rankAtEnd(before);
  const name = [...rank, ...nameWords].map((w) => w.replace(/[,]+$/, '')).join(' ');
  if (nameWords.join('').replace(/[^\p{L}]/gu, '').length < 2) return null;
  const role = cleanRole([...before.slice(0, before.length - rank.length), ...after]);
  return { kind: 'person', name, role, gender: genderOfWords(before), nameGender };
}

/** The rank that stands right before a name ("Rear Admiral"), which belongs to the name, not the role. */
function rankAtEnd(before: string[]): string[] {
  let from = before.length;
  while (from > 0 && RANK_WORDS.has(lower(before[from - 1] as string))) from--;
  const office = lower(before[from - 1] ?? '');
  if (OFFICES_BEFORE_GENERAL.has(office) && lower(before[from] ?? '') === 'general') from++;
  return before.slice(from);
}

/** Words of a phrase up to the first preposition after a lowercase noun ("a spokesman | for the Ministry"). */
function headPart(list: string[]): string[] {
  for (let i = 1; i < list.length; i++) {
    if (PREPOSITION.test(list[i] as string) && !/^(?:of|for|on)$/.test(list[i] as string)) return list.slice(0, i);
    if (PREPOSITION.test(list[i] as string) && !isCapitalized(list[i - 1] as string)) return list.slice(0, i);
    if (PREPOSITION.test(list[i] as string) && !isCapitalized(list[i + 1] ?? '')) return list.slice(0, i);
  }
  return list;
}

/**
 * Reads who a subject phrase names: a pronoun, a person (with title), a body, a role met before, or
 * an unnamed speaker; null when the phrase names nobody who could speak ("the sale", "figures").
 */
export function describeSubject(text: string, tags: NameTags): Mention | null {
  const list = text
    .replace(/^[\s,;:–—-]+|[\s,;:]+$/g, '')
    .split(/\s+/)
    .filter(Boolean);
  if (list.length === 0 || list.length > 14) return null;
  const pronoun = list.length === 1 ? PRONOUNS[lower(list[0] as string)] : undefined;
  if (pronoun) return { kind: 'pronoun', pronoun };
  while (list.length > 1 && OPENERS.test(list[0] as string)) list.shift();
  if (list.length > 1 && /^(?:he|she|they|it)$/i.test(list[0] as string)) return null;
  if (PREPOSITION.test(list[0] as string) || list.some((w) => NOT_IN_SUBJECT.test(bare(w)))) return null;
  if (list.length === 1) {
    const pronounAfterOpener = PRONOUNS[lower(list[0] as string)];
    if (pronounAfterOpener) return { kind: 'pronoun', pronoun: pronounAfterOpener };
  }
  const head = headPart(list);
  return describeByName(head, list, tags) ?? describeByHead(head, list, tags);
}

/** A subject and the phrase set off beside it ("The shipbuilder, Castlemere Marine,"): the name wins. */
export function describeWithAppositive(subject: string, appositive: string | null, tags: NameTags): Mention | null {
  const main = describeSubject(subject, tags);
  if (!appositive || /^(?:who|which|whose|where|when)\b/i.test(appositive.trim())) return main;
  const side = describeSubject(appositive, tags);
  const named = (m: Mention | null) => m?.kind === 'person' || m?.kind === 'org';
  const aside = appositive.replace(/,?\s*\b(?:meanwhile|however|also|too|though)\b\s*$/i, '').trim();
  if (main?.kind === 'person' && !named(side)) {
    return { ...main, role: [main.role, aside].filter(Boolean).join(', ') };
  }
  if (named(side) && main && !named(main) && side) {
    const role = subject.replace(/^(?:the|a|an)\s+/i, '').trim();
    return side.kind === 'person'
      ? {
          ...side,
          role: [side.role, role].filter(Boolean).join(', '),
          gender: side.gender ?? genderOfWords(role.split(/\s+/)),
        }
      : { ...side, role };
  }
  return main;
}
