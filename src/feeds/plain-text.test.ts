import { describe, expect, it } from 'vitest';
import { plainText } from './plain-text.js';

describe('plainText', () => {
  it('removes markup and decodes entities in HTML', () => {
    const html = 'Navy says destroyer <b>downed</b> six drones &amp; two decoys &#8212; &eacute;t&eacute;';
    expect(plainText({ value: html, kind: 'html' }, 300, true)).toBe(
      'Navy says destroyer downed six drones & two decoys — été',
    );
  });

  it('drops scripts and styles with their content', () => {
    expect(plainText({ value: '<p>Kept</p><script>alert(1)</script><style>p{}</style>', kind: 'html' }, 100)).toBe(
      'Kept',
    );
  });

  it('keeps paragraphs apart in texts, and makes titles one line', () => {
    const html = '<p>First   paragraph.</p>\n\n<p>Second\nparagraph.</p>';
    expect(plainText({ value: html, kind: 'html' }, 200)).toBe('First paragraph.\n\nSecond\nparagraph.');
    expect(plainText({ value: '  Coast guard\n   drill  postponed ', kind: 'html' }, 200, true)).toBe(
      'Coast guard drill postponed',
    );
  });

  it('leaves literal text alone apart from white space', () => {
    expect(plainText({ value: 'Use the <b> tag &amp; friends', kind: 'text' }, 100)).toBe(
      'Use the <b> tag &amp; friends',
    );
  });

  it('reads a bare ampersand as text', () => {
    expect(plainText({ value: 'Q&A with AT&T', kind: 'html' }, 100)).toBe('Q&A with AT&T');
  });

  it('removes control characters', () => {
    expect(plainText({ value: 'Bell\u0007 and null\u0000 and C1\u0085 gone', kind: 'text' }, 100)).toBe(
      'Bell and null and C1 gone',
    );
  });

  it('cuts at a word within the cap, even for a huge input', () => {
    const huge = `<p>${'word '.repeat(200_000)}</p>`;
    const text = plainText({ value: huge, kind: 'html' }, 50);
    expect(text.length).toBeLessThanOrEqual(50);
    expect(text.endsWith('…')).toBe(true);
  });

  it('gives an empty string for a missing field', () => {
    expect(plainText(undefined, 10)).toBe('');
    expect(plainText({ value: '', kind: 'html' }, 10)).toBe('');
  });
});
