import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { refuseXmlEntities } from './refuse-xml-entities.js';

const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/feeds/${name}`, import.meta.url), 'utf8');

function refusal(xml: string): UserError | null {
  try {
    refuseXmlEntities(xml, 'test.example');
    return null;
  } catch (error) {
    return error as UserError;
  }
}

describe('refuseXmlEntities', () => {
  it.each(['billion-laughs.xml', 'xxe.xml'])('refuses %s with one sentence', (name) => {
    const error = refusal(fixture(name));
    expect(error).toBeInstanceOf(UserError);
    expect(error?.code).toBe('BAD_INPUT');
    expect(error?.message).toBe(
      'The feed at test.example declares XML entities, which are refused because they can hide an attack.',
    );
  });

  it('refuses a declaration in any case and anywhere in the document', () => {
    expect(refusal('<rss><!doctype x [<!entity a "b">]><channel/></rss>')).toBeInstanceOf(UserError);
  });

  it('accepts a DOCTYPE that only names a DTD, as RSS 0.91 feeds do', () => {
    expect(refusal(fixture('rss091.xml'))).toBeNull();
  });

  it('accepts a feed that quotes "<!ENTITY" inside CDATA or a comment', () => {
    const xml =
      '<rss><channel><item><description><![CDATA[Write <!ENTITY x "y"> to declare one.]]></description></item><!-- <!ENTITY --></channel></rss>';
    expect(refusal(xml)).toBeNull();
  });
});
