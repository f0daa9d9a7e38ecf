import { describe, expect, it } from 'vitest';
import { nameKey } from './name-key.js';

describe('nameKey', () => {
  it('gives the transliterations of one name one key', () => {
    expect(nameKey('kharkiv')).toBe(nameKey('kharkov'));
    expect(nameKey('saltivka')).toBe(nameKey('saltovka'));
    expect(nameKey('luhansk')).toBe(nameKey('lugansk'));
    expect(nameKey('zaporizhzhia')).toBe(nameKey('zaporozhye'));
  });

  it('keeps different names apart and short names as spelled', () => {
    expect(nameKey('kharkiv')).not.toBe(nameKey('kherson'));
    expect(nameKey('novoshakhtinsk')).not.toBe(nameKey('novokuibyshevsk'));
    expect(nameKey('gaza')).toBe('gaza');
    expect(nameKey('idf')).toBe('idf');
  });
});
