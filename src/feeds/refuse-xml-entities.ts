import { UserError } from '../errors.js';

// CDATA sections and comments may quote "<!ENTITY" as text; only markup can declare one.
const CDATA_OR_COMMENT = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g;

/**
 * Refuses a document that declares entities, before any parser sees it: internal entities are how a
 * billion-laughs bomb expands, external ones (SYSTEM/PUBLIC) how XXE reads files or private URLs. No
 * feed needs them. A DOCTYPE that only names a DTD (RSS 0.91's) declares nothing and passes; the DTD is
 * never loaded.
 */
export function refuseXmlEntities(xml: string, source: string): void {
  if (!/<!ENTITY/i.test(xml)) return;
  if (/<!ENTITY/i.test(xml.replace(CDATA_OR_COMMENT, ''))) {
    throw new UserError(
      'BAD_INPUT',
      `The feed at ${source} declares XML entities, which are refused because they can hide an attack.`,
    );
  }
}
