import { describe, expect, it } from 'vitest';
import { loadOutletRegistry, OutletKindSchema } from './outlet-registry.js';

const registry = loadOutletRegistry();

describe('outlet registry', () => {
  it('holds at least 100 outlets across every kind', () => {
    expect(registry.size).toBeGreaterThanOrEqual(100);
  });

  it('maps a subdomain to its registered outlet through the public suffix list', () => {
    expect(registry.find({ url: 'https://en.yna.co.kr/view/AEN2026' })?.name).toBe('Yonhap News Agency');
    expect(registry.find({ url: 'https://function.mil.ru/news_page/country.htm' })?.name).toBe(
      'Ministry of Defence of Russia',
    );
    expect(registry.find({ domain: 'www.tehrantimes.com' })).toMatchObject({
      country: 'Iran',
      kind: 'state-controlled',
    });
  });

  it('maps a host under a listed domain that is itself a public suffix', () => {
    expect(registry.find({ url: 'https://www.idf.il/en/mini-sites/press/' })?.name).toBe('Israel Defense Forces');
    expect(registry.find({ url: 'https://www.gov.il/en/departments/news/' })?.name).toBe('Government of Israel');
  });

  it('does not match a look-alike or an unknown domain', () => {
    expect(registry.find({ url: 'https://evil-bbc.com/news' })).toBeNull();
    expect(registry.find({ url: 'https://bbc.com.example.net/news' })).toBeNull();
    expect(registry.find({ url: 'https://harbour-defence.example/a' })).toBeNull();
  });

  it('matches pasted text by the outlet name it names', () => {
    expect(registry.find({ name: 'Tehran Times' })?.owner).toBe('Islamic Propagation Organization');
    expect(registry.find({ name: 'Some Blog' })).toBeNull();
  });

  it('uses only the listed kinds', () => {
    expect(OutletKindSchema.options).toHaveLength(6);
  });
});
