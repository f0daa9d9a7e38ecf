import type { Gender, Mention } from './describe-subject.js';
import { GENERIC_ORG_NOUNS, MILITARY_ROLES, RANK_WORDS } from './speaker-words.js';

/** A person or body the article has introduced, as far as the engine has read. */
export interface Entity {
  kind: 'person' | 'org' | 'group' | 'unnamed';
  name: string;
  role: string | null;
  /** For an unnamed speaker: the noun it was introduced by ("spokesman", "agency"). */
  head: string | null;
  person: boolean;
  /** From a pronoun, title or role word already used for it. */
  gender: Gender;
  /** From a first-name list: a hint that orders candidates, never one that rules them out. */
  nameGender: Gender;
  /** Set when a later sentence names who an unnamed speaker was ("A top commander …" → Bagheri). */
  sameAs: Entity | null;
  introducedAt: number;
  /** The last sentence in which it was the subject; -1 when only mentioned. */
  subjectAt: number;
}

const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}.]+/gu) ?? []);
const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');

/** A person's name without rank or form of address, lowercased, for telling who is who. */
function personal(name: string): string[] {
  const tokens = name.toLowerCase().split(/\s+/);
  const from = tokens.findIndex((t) => !RANK_WORDS.has(t));
  return from < 0 ? tokens : tokens.slice(from);
}

/** A later mention may give more of a role ("Major General" → "Major General, the chief of staff …"). */
function fullerRole(known: string | null, said: string | null): string | null {
  if (!known) return said;
  return said && said.length > known.length && said.includes(known) ? said : known;
}

export function resolved(entity: Entity): Entity {
  let e = entity;
  while (e.sameAs) e = e.sameAs;
  return e;
}

function roleWords(e: Entity): Set<string> {
  const rank = e.kind === 'person' ? e.name.split(/\s+/).filter((w) => RANK_WORDS.has(w.toLowerCase())) : [e.name];
  return words(`${e.role ?? ''} ${e.head ?? ''} ${rank.join(' ')}`);
}

/** Whether a person can be called by a role noun: "the general" for a Major General, "the spokeswoman" not for a man. */
function fitsPersonRole(e: Entity, head: string, gender: Gender): boolean {
  if (!e.person) return false;
  if (gender && e.gender && gender !== e.gender) return false;
  const have = roleWords(e);
  if (head === 'official') return have.size > 0;
  if (head.startsWith('spokes')) return [...have].some((w) => w.startsWith('spokes')) || have.has('press');
  if (MILITARY_ROLES.has(head) && head !== 'chief' && head !== 'officer') {
    return [...MILITARY_ROLES].some((w) => w !== 'chief' && w !== 'officer' && have.has(w));
  }
  return have.has(head) || (head === 'chief' && have.has('head'));
}

function fitsOrgRole(e: Entity, head: string): boolean {
  if (e.person || e.kind === 'group') return false;
  if (GENERIC_ORG_NOUNS.has(head)) return true;
  return roleWords(e).has(head) || words(e.name).has(head);
}

/**
 * The people and bodies of an article in reading order, and what its pronouns, role nouns and
 * surnames refer to: the most recent compatible subject first, then anyone met before.
 */
export class Discourse {
  readonly entities: Entity[] = [];

  private add(entity: Omit<Entity, 'sameAs' | 'subjectAt'>): Entity {
    const e = { ...entity, sameAs: null, subjectAt: -1 };
    this.entities.push(e);
    return e;
  }

  /** Candidates for a back-reference: recent subjects first, then everyone else, newest first. */
  private candidates(): Entity[] {
    const live = this.entities.filter((e) => !e.sameAs);
    const subjects = live.filter((e) => e.subjectAt >= 0).sort((a, b) => b.subjectAt - a.subjectAt);
    const others = live.filter((e) => e.subjectAt < 0).reverse();
    return [...subjects, ...others];
  }

  /** The same person by full name, by surname, or a one-word name that a fuller one completes. */
  private findPerson(name: string): Entity | undefined {
    const tokens = personal(name);
    return this.entities.find((e) => {
      if (e.kind !== 'person') return false;
      const known = personal(e.name);
      const one = (a: string[], b: string[]) => a.length === 1 && (a[0] === b[0] || a[0] === b.at(-1));
      return (
        known.join(' ') === tokens.join(' ') ||
        known.at(-1) === tokens.at(-1) ||
        one(tokens, known) ||
        one(known, tokens)
      );
    });
  }

  private findOrg(name: string): Entity | undefined {
    const n = name.toLowerCase();
    return this.entities.find((e) => {
      if (e.kind !== 'org') return false;
      const m = e.name.toLowerCase();
      return (
        m === n || m.startsWith(`${n} `) || n.startsWith(`${m} `) || (name.length >= 2 && initials(e.name) === name)
      );
    });
  }

  /**
   * "Trump said … he said": a one-word name read as a body, when "he" or "she" has no one else to
   * mean, was a person after all.
   */
  private bareNameAsPerson(): Entity | undefined {
    const e = this.candidates().find((c) => c.kind === 'org' && c.subjectAt >= 0 && !/\s/.test(c.name));
    if (!e) return undefined;
    e.kind = 'person';
    e.person = true;
    return e;
  }

  /** The entity a subject refers to, creating it when it is new; null when nothing fits (an unresolvable "he"). */
  resolve(mention: Mention, at: number): Entity | null {
    switch (mention.kind) {
      case 'pronoun': {
        const p = mention.pronoun;
        const g = p === 'he' ? 'm' : p === 'she' ? 'f' : null;
        const fitting = this.candidates().filter((e) =>
          g
            ? e.person && e.kind !== 'group' && (!e.gender || e.gender === g)
            : p === 'they'
              ? !e.person || e.kind === 'group'
              : !e.person && e.kind !== 'group',
        );
        // A first name's usual gender breaks a tie between the two most recent people, no more.
        const found =
          fitting.slice(0, 2).find((e) => !e.nameGender || e.nameGender === g) ??
          fitting[0] ??
          (g ? this.bareNameAsPerson() : undefined);
        if (found && g) found.gender ??= g;
        return found ?? null;
      }
      case 'person': {
        const known = this.findPerson(mention.name);
        if (known) {
          if (personal(mention.name).length >= personal(known.name).length && mention.name.length > known.name.length) {
            known.name = mention.name;
          }
          known.role = fullerRole(known.role, mention.role);
          known.gender ??= mention.gender;
          known.nameGender ??= mention.nameGender;
          return known;
        }
        return this.add({
          kind: 'person',
          name: mention.name,
          role: mention.role,
          head: null,
          person: true,
          gender: mention.gender,
          nameGender: mention.nameGender,
          introducedAt: at,
        });
      }
      case 'org': {
        if (!/\s/.test(mention.name)) {
          const person = this.findPerson(mention.name);
          if (person) return person;
        }
        const known = this.findOrg(mention.name);
        if (known) {
          known.role = fullerRole(known.role, mention.role);
          return known;
        }
        const e = { kind: 'org' as const, name: mention.name, role: mention.role, head: null, person: false };
        return this.add({ ...e, gender: null, nameGender: null, introducedAt: at });
      }
      case 'role': {
        const fits = (e: Entity) =>
          (mention.person ? fitsPersonRole(e, mention.head, mention.gender) : fitsOrgRole(e, mention.head)) &&
          mention.modifiers.every((m) => `${e.name} ${e.role ?? ''}`.toLowerCase().includes(m.toLowerCase()));
        const found = this.candidates().find(fits);
        if (found) return found;
        // "The Israeli military" met for the first time is a body in its own right; "the commander" is nobody yet.
        if (mention.modifiers.length === 0) return null;
        const name = mention.phrase;
        return this.resolve(
          {
            kind: 'descriptor',
            name,
            head: mention.head,
            person: mention.person,
            group: false,
            gender: mention.gender,
          },
          at,
        );
      }
      case 'descriptor': {
        const known = this.entities.find(
          (e) => e.kind !== 'person' && e.name.toLowerCase() === mention.name.toLowerCase(),
        );
        if (known) return known;
        return this.add({
          kind: mention.group ? 'group' : 'unnamed',
          name: mention.name,
          role: null,
          head: mention.head,
          person: mention.person || mention.group,
          gender: mention.gender,
          nameGender: null,
          introducedAt: at,
        });
      }
    }
  }

  /** The entity spoke or was the subject in sentence `at`: pronouns and role nouns look here first. */
  noteSubject(entity: Entity, at: number): void {
    const e = resolved(entity);
    e.subjectAt = at;
    if (e.kind === 'person') this.nameEarlierUnnamed(e, at);
  }

  /**
   * A lede that withholds a name ("A top Iranian military commander has said …") is followed by one
   * that gives it: an unnamed person of a fitting role from the last two sentences is that person.
   */
  private nameEarlierUnnamed(person: Entity, at: number): void {
    for (const e of this.entities) {
      if (e.kind !== 'unnamed' || !e.person || e.sameAs || !e.head || at - e.introducedAt > 2 || e.introducedAt >= at) {
        continue;
      }
      if (e.head !== 'official' && !e.head.startsWith('spokes') && fitsPersonRole(person, e.head, e.gender)) {
        e.sameAs = person;
      }
    }
  }
}
