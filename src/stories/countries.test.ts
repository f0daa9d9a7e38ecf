import { describe, expect, it } from 'vitest';
import { loadCountries } from './countries.js';

const countries = loadCountries();
const named = (text: string) => countries.find(text).map((m) => m.country);

describe('country gazetteer', () => {
  it('loads the data file with the registry’s country names', () => {
    expect(countries.size).toBeGreaterThan(190);
    expect(named('Officials in South Korea and the United Kingdom')).toEqual(['South Korea', 'United Kingdom']);
  });

  it('finds countries by demonym, other name, possessive and capital', () => {
    expect(named("Ukrainian drones hit Russia's refinery; the U.S. and Türkiye said")).toEqual([
      'Ukraine',
      'Russia',
      'United States',
      'Turkey',
    ]);
    expect(named('Officials in Tehran said')).toEqual(['Iran']);
  });

  it('gives a capital one spelling whichever the outlet uses', () => {
    const [kiev] = countries.find('the Kiev regime');
    const [kyiv] = countries.find('officials in Kyiv');
    expect(kiev?.canonical).toBe('Kyiv');
    expect(kyiv?.canonical).toBe('Kyiv');
  });

  it('takes a dateline in capitals but not a lower-case word or a capital that begins a person’s name', () => {
    expect(named('MOSCOW, November 20.')).toEqual(['Russia']);
    expect(named('let us know; fine china')).toEqual([]);
    expect(named('Defense Minister Wellington Koo said')).toEqual([]);
    expect(named('The Washington Post reported')).toEqual([]);
    expect(named('officials in Moscow Region said')).toEqual(['Russia']);
  });
});
