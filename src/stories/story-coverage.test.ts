import { describe, expect, it } from 'vitest';
import { loadCountries } from './countries.js';
import { storyCoverage } from './story-coverage.js';
import { buildBrief } from './testing/build-brief.js';

const countries = loadCountries();
const report = (key: string, outlet: string, country: string | null, kind: string | null) =>
  buildBrief({
    key,
    outlet,
    country,
    kind,
    title: 'Armenia and Azerbaijan trade fire near Sotk',
    text: 'Armenian and Azerbaijani units exchanged fire near Sotk overnight, officials said.',
  });
const wire = { outlet: 'Reuters', country: 'United Kingdom', kind: 'wire' };

describe('storyCoverage', () => {
  it('counts a wire once however many sites carry it, naming the sites', () => {
    const coverage = storyCoverage(
      [
        { brief: report('r', 'Reuters', 'United Kingdom', 'wire') },
        { brief: report('c1', 'Al Jazeera', 'Qatar', 'state-funded public broadcaster'), origin: wire },
        { brief: report('c2', 'TRT World', 'Turkey', 'state-funded public broadcaster'), origin: wire },
        { brief: report('am', 'Armenpress', 'Armenia', 'state-controlled') },
      ],
      countries,
    );
    expect(coverage.outlets.map((o) => [o.name, o.members, o.carriedBy])).toEqual([
      ['Reuters', ['r', 'c1', 'c2'], ['Al Jazeera', 'TRT World']],
      ['Armenpress', ['am'], []],
    ]);
    expect(coverage.countries).toEqual(['United Kingdom', 'Armenia']);
    expect(coverage.kinds).toEqual(['wire', 'state-controlled']);
  });

  it('states which sides have not covered it, as facts of coverage', () => {
    const coverage = storyCoverage(
      [
        { brief: report('am', 'Armenpress', 'Armenia', 'state-controlled') },
        { brief: report('x', 'Some Site', null, null) },
      ],
      countries,
    );
    expect(coverage.about).toEqual(['Armenia', 'Azerbaijan']);
    expect(coverage.missing).toEqual([
      'No outlet from Azerbaijan has covered it so far.',
      'One covering outlet is not in the outlet registry, so its country is not known.',
      'No wire service has covered it so far.',
      'No independent outlet has covered it so far.',
    ]);
  });

  it('has nothing to add when every side, a wire and an independent outlet have covered it', () => {
    const coverage = storyCoverage(
      [
        { brief: report('am', 'Armenpress', 'Armenia', 'state-controlled') },
        { brief: report('az', 'APA', 'Azerbaijan', 'independent') },
        { brief: report('r', 'Reuters', 'United Kingdom', 'wire') },
      ],
      countries,
    );
    expect(coverage.missing).toEqual([]);
  });
});
