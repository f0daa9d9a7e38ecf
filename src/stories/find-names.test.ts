import { describe, expect, it } from 'vitest';
import { loadCountries } from './countries.js';
import { findNames, isTitleCase } from './find-names.js';

const countries = loadCountries();
const namesOf = (text: string, titleCase = false) => [...findNames([{ text, titleCase }], countries).names.keys()];

describe('findNames', () => {
  it('keeps names mid-sentence and drops ranks, institutions and calendar words', () => {
    expect(namesOf('On Friday, Governor Yuri Slyusar of the Defense Ministry visited Novoshakhtinsk.')).toEqual([
      'yuri',
      'slyusar',
      'novoshakhtinsk',
    ]);
  });

  it('counts a capitalized first word only when the text capitalizes it elsewhere too', () => {
    expect(namesOf('Troops moved in. Residents fled.')).toEqual([]);
    expect(namesOf('Hualien was calm. Ships sailed east of Hualien.')).toEqual(['hualien']);
  });

  it('treats an acronym at the start of a sentence as a name', () => {
    expect(namesOf('ISPR said troops responded.')).toEqual(['ispr']);
  });

  it('leaves countries, demonyms and capitals to the gazetteer, capitals under one spelling', () => {
    expect(namesOf('Russian forces struck Kiev and Odesa.')).toEqual(['kyiv', 'odesa']);
  });

  it('weighs the words of a long name so the name counts once', () => {
    const { names } = findNames([{ text: 'firing along the Line of Control near Poonch' }], countries);
    expect(names.get('poonch')).toBe(1);
    expect(names.get('line')).toBeCloseTo(Math.SQRT1_2);
    expect(names.get('control')).toBeCloseTo(Math.SQRT1_2);
  });

  it('confirms a title-case headline’s words against the body', () => {
    const title = 'Russian Air Defenses Destroy Drones Over Belgorod';
    expect(isTitleCase(title)).toBe(true);
    const { names } = findNames(
      [{ text: title, titleCase: true }, { text: 'Debris fell in Belgorod, the governor said.' }],
      countries,
    );
    expect([...names.keys()]).toEqual(['belgorod']);
  });

  it('finds designations and numbered units, and no dates or times among them', () => {
    const { designations, units } = findNames(
      [
        {
          text: 'A Type 055 destroyer, S-400 batteries, Su-34 jets, Shahed-136 drones and MQ-9s; the 65th Separate Mechanized Brigade held on November 21 at 10 pm.',
        },
      ],
      countries,
    );
    expect(designations).toEqual(['type055', 's400', 'su34', 'shahed136', 'mq9']);
    expect(units).toEqual(['65 brigade']);
  });

  it('leaves out the names it is told to (the outlet’s own)', () => {
    expect(namesOf('(Reuters) - Troops near Avdiivka told Reuters').filter((n) => n === 'reuters')).toEqual([
      'reuters',
    ]);
    const { names } = findNames([{ text: '(Reuters) - Troops near Avdiivka told Reuters' }], countries, ['Reuters']);
    expect([...names.keys()]).toEqual(['avdiivka']);
  });
});
