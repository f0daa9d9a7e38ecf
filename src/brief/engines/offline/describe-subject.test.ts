import { describe, expect, it } from 'vitest';
import { describeSubject, describeWithAppositive, type NameTags } from './describe-subject.js';

/** compromise's lexicon stands in here as a few known words, so these tests read only the rules. */
const tags: NameTags = {
  tagsOf: (word) => ({
    firstName: ({ Leila: 'f', Marcus: 'm', Mohammad: 'unknown' } as const)[word] ?? null,
    person: ['Leila', 'Marcus', 'Mohammad', 'Haddad', 'Trell'].includes(word),
    place: ['Israel', 'Russia', 'Tallinn'].includes(word),
    organization: false,
  }),
};

describe('describeSubject', () => {
  it('keeps a rank with the name and an office as the role', () => {
    expect(describeSubject('Major General Mohammad Bagheri', tags)).toMatchObject({
      kind: 'person',
      name: 'Major General Mohammad Bagheri',
      role: null,
    });
    expect(describeSubject('NATO Secretary General Pieter van Aalst', tags)).toMatchObject({
      kind: 'person',
      name: 'Pieter van Aalst',
      role: 'NATO Secretary General',
    });
    expect(describeSubject('Foreign Ministry spokesperson Lin Wei', tags)).toMatchObject({
      kind: 'person',
      name: 'Lin Wei',
      role: 'Foreign Ministry spokesperson',
    });
  });

  it('tells bodies, groups, roles met before and unnamed speakers apart', () => {
    expect(describeSubject('the Ministry of Defence', tags)).toEqual({
      kind: 'org',
      name: 'Ministry of Defence',
      role: null,
    });
    expect(describeSubject('Israel', tags)).toEqual({ kind: 'org', name: 'Israel', role: null });
    expect(describeSubject('Egyptian officials', tags)).toMatchObject({ kind: 'descriptor', group: true });
    expect(describeSubject('the Armed Forces chief', tags)).toMatchObject({
      kind: 'role',
      head: 'chief',
      modifiers: ['Armed', 'Forces'],
    });
    expect(describeSubject('the movement', tags)).toMatchObject({ kind: 'role', head: 'movement', person: false });
    expect(describeSubject('A spokesman for the Ministry of National Defence', tags)).toMatchObject({
      kind: 'descriptor',
      name: 'spokesman for the Ministry of National Defence',
      person: true,
      gender: 'm',
    });
    expect(describeSubject('But he', tags)).toEqual({ kind: 'pronoun', pronoun: 'he' });
  });

  it('names nobody for phrases that are not speakers', () => {
    for (const phrase of ['the sale of missiles', 'industry figures', 'in October', 'what the report']) {
      expect(describeSubject(phrase, tags)).toBeNull();
    }
  });

  it('takes the name from a phrase set off beside a role, and the role from one beside a name', () => {
    expect(
      describeWithAppositive('A spokeswoman for the United Nations humanitarian office', 'Leila Haddad', tags),
    ).toMatchObject({ kind: 'person', name: 'Leila Haddad', gender: 'f' });
    expect(describeWithAppositive('General Marcus Trell', 'who leads the command', tags)).toMatchObject({
      kind: 'person',
      name: 'General Marcus Trell',
      role: null,
    });
  });
});
