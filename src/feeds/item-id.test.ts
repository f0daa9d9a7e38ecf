import { describe, expect, it } from 'vitest';
import { itemId } from './item-id.js';

const none = { declaredId: null, url: null, title: '', publishedAt: null, text: '' };

describe('itemId', () => {
  it('prefers the feed’s own id, then the link', () => {
    expect(itemId({ ...none, declaredId: ' guid-1 ', url: 'https://a.example/1' })).toBe('guid-1');
    expect(itemId({ ...none, declaredId: '  ', url: 'https://a.example/1' })).toBe('https://a.example/1');
  });

  it('hashes title and date when there is neither, stably', () => {
    const item = { ...none, title: 'Untitled wire note', publishedAt: '2026-11-17T12:00:00.000Z' };
    const id = itemId(item);
    expect(id).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(itemId({ ...item })).toBe(id);
    expect(itemId({ ...item, publishedAt: '2026-11-18T12:00:00.000Z' })).not.toBe(id);
    expect(itemId({ ...item, text: 'different body, same title and date' })).toBe(id);
  });

  it('tells untitled, undated items apart by their text', () => {
    expect(itemId({ ...none, text: 'one' })).not.toBe(itemId({ ...none, text: 'two' }));
  });

  it('hashes an id too long to store', () => {
    expect(itemId({ ...none, declaredId: 'x'.repeat(10_000) })).toMatch(/^sha256:/);
  });
});
