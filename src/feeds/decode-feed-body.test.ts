import { describe, expect, it } from 'vitest';
import { decodeFeedBody } from './decode-feed-body.js';

const latin1Feed = Buffer.from(
  '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Caf\xe9</title></channel></rss>',
  'latin1',
);

describe('decodeFeedBody', () => {
  it('follows the XML declaration when the header names no charset', () => {
    expect(decodeFeedBody(latin1Feed, 'application/rss+xml')).toContain('<title>Café</title>');
  });

  it('lets the header charset win over the declaration', () => {
    const utf8 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><title>Café</title>', 'utf8');
    expect(decodeFeedBody(utf8, 'text/xml; charset=utf-8')).toContain('<title>Café</title>');
  });

  it('reads UTF-8 with a byte-order mark and no declaration', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<feed><title>Ωmega</title></feed>')]);
    expect(decodeFeedBody(bytes, '')).toContain('Ωmega');
  });

  it('falls back to UTF-8 for an unknown declared encoding', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="x-unknown"?><title>Ωmega</title>', 'utf8');
    expect(decodeFeedBody(bytes, 'application/xml')).toContain('Ωmega');
  });
});
