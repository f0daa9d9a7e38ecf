import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadOutletRegistry, OUTLETS_PATH, OutletKindSchema, OutletRegistryFileSchema } from './outlet-registry.js';

const registry = loadOutletRegistry();
const file = JSON.parse(readFileSync(OUTLETS_PATH, 'utf8'));

function repeated(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => seen.has(value) || !seen.add(value));
}

describe('outlet registry data', () => {
  it('holds at least 400 valid outlets', () => {
    const parsed = OutletRegistryFileSchema.safeParse(file);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(registry.size).toBeGreaterThanOrEqual(400);
  });

  it('gives every outlet a public http(s) reference', () => {
    for (const outlet of registry.outlets) {
      const url = new URL(outlet.reference);
      expect(['http:', 'https:'], outlet.name).toContain(url.protocol);
      expect(url.hostname, outlet.name).toMatch(/\.[a-z]{2,}$/);
    }
  });

  it('lists no domain, name or wire credit twice', () => {
    expect(repeated(registry.outlets.flatMap((o) => o.domains))).toEqual([]);
    expect(repeated(registry.outlets.map((o) => o.name.toLowerCase()))).toEqual([]);
    expect(repeated(registry.outlets.flatMap((o) => o.creditedAs ?? []).map((c) => c.toLowerCase()))).toEqual([]);
  });

  it('uses every kind, and names the credits of every wire', () => {
    const used = new Set(registry.outlets.map((o) => o.kind));
    expect([...used].sort()).toEqual([...OutletKindSchema.options].sort());
    const wiresWithoutCredits = registry.outlets.filter((o) => o.kind === 'wire' && !o.creditedAs);
    expect(wiresWithoutCredits.map((o) => o.name)).toEqual([]);
  });

  it('finds each outlet from each of its own domains, bare and with www', () => {
    const misses = registry.outlets.flatMap((outlet) =>
      outlet.domains.flatMap((domain) =>
        [`https://${domain}/a`, `https://www.${domain}/a`].filter((url) => registry.find({ url }) !== outlet),
      ),
    );
    expect(misses).toEqual([]);
  });
});

describe('outlet look-up', () => {
  it('maps subdomains and language editions to their outlet', () => {
    expect(registry.find({ url: 'https://en.yna.co.kr/view/AEN2026' })?.name).toBe('Yonhap News Agency');
    expect(registry.find({ url: 'https://function.mil.ru/news_page/country.htm' })?.name).toBe(
      'Ministry of Defence of Russia',
    );
    expect(registry.find({ url: 'https://english.news.cn/20261103/a.html' })?.name).toBe('Xinhua');
    expect(registry.find({ url: 'https://de.rt.com/international/1' })?.name).toBe('RT');
    expect(registry.find({ url: 'https://sputniknews.lat/20261103/a.html' })?.name).toBe('Sputnik');
    expect(registry.find({ url: 'https://www.aljazeera.net/news/2026/11/3/a' })?.name).toBe('Al Jazeera');
    expect(registry.find({ url: 'https://www.radiosvoboda.org/a/1.html' })?.name).toBe(
      'Radio Free Europe/Radio Liberty',
    );
    expect(registry.find({ domain: 'www.tehrantimes.com' })).toMatchObject({
      country: 'Iran',
      kind: 'state-controlled',
    });
  });

  it('prefers the most specific listed domain', () => {
    expect(registry.find({ url: 'https://www.mod.go.jp/en/' })?.name).toBe('Ministry of Defense of Japan');
    expect(registry.find({ url: 'https://www.nids.mod.go.jp/english/' })?.name).toBe(
      'National Institute for Defense Studies (Japan)',
    );
    expect(registry.find({ url: 'https://economictimes.indiatimes.com/news/defence/a' })?.name).toBe(
      'The Economic Times',
    );
    expect(registry.find({ url: 'https://timesofindia.indiatimes.com/world/a' })?.name).toBe('The Times of India');
  });

  it('matches an outlet that owns a public suffix only on its own site', () => {
    expect(registry.find({ url: 'https://www.gov.uk/government/news/a' })?.name).toBe(
      'UK Government (incl. Ministry of Defence)',
    );
    expect(registry.find({ url: 'https://www.idf.il/en/articles/a' })?.name).toBe('Israel Defense Forces');
    expect(registry.find({ url: 'https://english.www.gov.cn/news/a' })?.country).toBe('China');
    expect(registry.find({ url: 'https://www.example-council.gov.uk/news' })).toBeNull();
  });

  it('does not match a look-alike or an unknown domain', () => {
    expect(registry.find({ url: 'https://evil-bbc.com/news' })).toBeNull();
    expect(registry.find({ url: 'https://bbc.com.example.net/news' })).toBeNull();
    expect(registry.find({ url: 'https://harbour-defence.example/a' })).toBeNull();
    expect(registry.find({ url: 'not a url' })).toBeNull();
  });

  it('matches pasted text by the outlet name it names', () => {
    expect(registry.find({ name: 'Tehran Times' })?.owner).toBe('Islamic Propagation Organization');
    expect(registry.find({ name: ' reuters ' })?.kind).toBe('wire');
    expect(registry.find({ name: 'Some Blog' })).toBeNull();
  });
});
