import { describe, expect, it } from 'vitest';
import { resolveLink } from './resolve-link.js';

describe('resolveLink', () => {
  it('resolves relative links against the base', () => {
    expect(resolveLink('posts/a', 'https://site.example/blog/')).toBe('https://site.example/blog/posts/a');
    expect(resolveLink('/news/b', 'https://site.example/feeds/x.xml')).toBe('https://site.example/news/b');
    expect(resolveLink('//cdn.example/c', 'https://site.example/')).toBe('https://cdn.example/c');
  });

  it('keeps absolute links and trims white space', () => {
    expect(resolveLink('  https://other.example/d?x=1&y=2 ', 'https://site.example/')).toBe(
      'https://other.example/d?x=1&y=2',
    );
  });

  it('gives null for a relative link without a base, or an unparsable one', () => {
    expect(resolveLink('posts/a', null)).toBeNull();
    expect(resolveLink('http://[bad', 'https://site.example/')).toBeNull();
    expect(resolveLink('', 'https://site.example/')).toBeNull();
    expect(resolveLink(undefined, 'https://site.example/')).toBeNull();
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'mailto:desk@site.example'])(
    'drops the non-web link %s',
    (href) => {
      expect(resolveLink(href, 'https://site.example/')).toBeNull();
    },
  );

  it('drops an absurdly long link', () => {
    expect(resolveLink(`https://site.example/${'a'.repeat(5_000)}`, null)).toBeNull();
  });
});
