import { z } from 'zod';
import type { ExtractedArticle } from '../schema.js';
import { type Outlet, type OutletRegistry, OutletSchema } from './outlet-registry.js';

const WireSignalSchema = z.enum(['byline', 'dateline', 'credit line']);

/** A story that is a news agency's copy, whoever's site carries it, and what in the text says so. */
const WireCopySchema = z.object({
  wire: OutletSchema,
  recognisedBy: z.array(z.object({ signal: WireSignalSchema, evidence: z.string().max(200) })).min(1),
});
export type WireCopy = z.infer<typeof WireCopySchema>;

type WireSignal = z.infer<typeof WireSignalSchema>;
interface Credit {
  name: string;
  outlet: Outlet;
  /** Acronyms ("AP", "TASS") match only as written, so a byline "Ap" or a word "map" is no wire. */
  capitalsOnly: boolean;
}
interface Finding {
  outlet: Outlet;
  signal: WireSignal;
  evidence: string;
}

// Article text is hostile: only bounded pieces of it reach the patterns below.
const MAX_BYLINE = 300;
const HEAD_CHARS = 1000;
const TAIL_CHARS = 1500;
const MAX_LINE = 600;
const HEAD_PARAGRAPHS = 4;
const TAIL_LINES = 4;

const creditIndexes = new WeakMap<readonly Outlet[], Map<string, Credit>>();

/** Agencies are the outlets with credits; a wire listed without any is credited by its name. */
function creditIndex(outlets: readonly Outlet[]): Map<string, Credit> {
  let index = creditIndexes.get(outlets);
  if (index) return index;
  index = new Map();
  for (const outlet of outlets) {
    const names = outlet.creditedAs ?? (outlet.kind === 'wire' ? [outlet.name] : []);
    for (const name of names)
      index.set(name.toLowerCase(), {
        name,
        outlet,
        capitalsOnly: name === name.toUpperCase() && /\p{Lu}/u.test(name),
      });
  }
  creditIndexes.set(outlets, index);
  return index;
}

function normalizeName(text: string): string {
  return text
    .replace(/[\u00a0\s]+/g, ' ')
    .replace(/[\u2010-\u2012]/g, '-')
    .replace(/^\(\s*|\s*\)$/g, '')
    .replace(/^by\s+/i, '')
    .replace(/\s+staff$/i, '')
    .replace(/[\s.,:;]+$/, '')
    .trim();
}

function wireNamed(text: string, index: Map<string, Credit>): Outlet | null {
  const name = normalizeName(text);
  const credit = index.get(name.toLowerCase());
  return credit && (!credit.capitalsOnly || credit.name === name) ? credit.outlet : null;
}

/**
 * The one wire a list of names names, or null when it names none or several. A byline may name
 * people beside the wire ("Jane Doe, Reuters"); a credit must name wires only, so "Source:
 * Reuters, local media" is a compilation, not Reuters copy.
 */
function soleWireIn(names: string, index: Map<string, Credit>, wiresOnly: boolean): Outlet | null {
  const named = names.split(/\s*(?:[,;|/&·•]|\band\b|\s[-–—]\s)\s*/i).map((part) => wireNamed(part, index));
  if (wiresOnly && named.includes(null)) return null;
  const wires = new Set(named.filter((outlet): outlet is Outlet => outlet !== null));
  return wires.size === 1 ? ([...wires][0] ?? null) : null;
}

// "KYIV (Reuters) -", "MOSCOW, Nov 3 (AFP) –", "Madrid, 3 nov (EFE).-", "(Reuters) -"
const PAREN_DATELINE = /^([\p{Lu}][^()\n"“”?!]{0,60}?\s*)?\(([^()\n]{2,40})\)\s*(?:-{1,2}|[–—]|:|\.\s?[-–—])/u;
// "MOSCOW, November 3. /TASS/."
const SLASH_DATELINE = /^([\p{Lu}][^/\n"“”?!]{0,60}?)\s*\/\s*([^/\n]{2,30}?)\s*\/\.?/u;
// "МОСКВА, 3 ноя — РИА Новости."
const DASH_DATELINE = /^([\p{Lu}][^—–\n"“”?!]{0,60}?)\s[—–-]{1,2}\s([^.\n]{2,30})\.\s/u;

/** A place and date are a few words; a longer lead is a sentence that happens to hold brackets. */
function isPlaceAndDate(prefix: string | undefined): boolean {
  return !prefix || prefix.trim().split(/\s+/).length <= 6;
}

function datelineWire(paragraph: string, index: Map<string, Credit>): Finding | null {
  for (const pattern of [PAREN_DATELINE, SLASH_DATELINE, DASH_DATELINE]) {
    const match = pattern.exec(paragraph);
    if (!match?.[2] || !isPlaceAndDate(match[1])) continue;
    const outlet = soleWireIn(match[2], index, true);
    if (outlet) return { outlet, signal: 'dateline', evidence: match[0].trim() };
  }
  return null;
}

/** "© AFP 2026", "Copyright 2026 The Associated Press. All rights reserved. …" → the holder's name. */
function copyrightHolder(line: string): string | null {
  const marks = /^(?:(?:©|\(c\)|copyright\b|\d{4}\b)\s*)+/i.exec(line)?.[0] ?? '';
  if (!/©|\(c\)|copyright/i.test(marks)) return null;
  const rest = line.slice(marks.length);
  const holder = rest.split(/\.\s/)[0] ?? '';
  return holder.replace(/[\s.,]*\d{4}[\s.]*$/, '');
}

/** Lines that only the wire's own copy ends with; "Reuters contributed to this report" is not one. */
function creditLineWire(line: string, index: Map<string, Credit>): Outlet | null {
  const reutersStyle =
    /^\(?\s*(?:Reporting|Writing|Additional reporting) by\b[^()]*;[^()]*\bEditing by\b[^()]*\)?\.?$/i;
  if (reutersStyle.test(line)) return wireNamed('Reuters', index);
  const holder = copyrightHolder(line);
  if (holder) return wireNamed(holder, index);
  const named =
    /^[—–-]{1,2}\s*([^—–\n]{2,40}?)\.?$/.exec(line) ??
    /[.!?"”’]\s+[—–-]{1,2}\s*([^—–\n]{2,40}?)\.?$/.exec(line) ??
    /^sources?\s*:\s*(.{2,80}?)\.?$/i.exec(line) ??
    /^This (?:report|story) by (.{2,40}?) was first published\b/i.exec(line);
  return named?.[1] ? soleWireIn(named[1], index, true) : null;
}

function findings(article: Pick<ExtractedArticle, 'byline' | 'text'>, index: Map<string, Credit>): Finding[] {
  const found: Finding[] = [];
  const byline = article.byline?.slice(0, MAX_BYLINE) ?? '';
  const bylineWire = soleWireIn(byline, index, false);
  if (bylineWire) found.push({ outlet: bylineWire, signal: 'byline', evidence: byline.trim() });

  const head = article.text.slice(0, HEAD_CHARS).split('\n');
  for (const paragraph of head
    .map((p) => p.trim().slice(0, MAX_LINE))
    .filter(Boolean)
    .slice(0, HEAD_PARAGRAPHS)) {
    const inTextByline =
      /^by\s/i.test(paragraph) && paragraph.length <= 120 ? soleWireIn(paragraph, index, false) : null;
    if (inTextByline) found.push({ outlet: inTextByline, signal: 'byline', evidence: paragraph });
    const dateline = datelineWire(paragraph, index);
    if (dateline) found.push(dateline);
  }

  const tail = article.text.slice(-TAIL_CHARS).split('\n');
  for (const line of tail
    .map((l) => l.trim().slice(0, MAX_LINE))
    .filter(Boolean)
    .slice(-TAIL_LINES)) {
    const outlet = creditLineWire(line, index);
    if (outlet) found.push({ outlet, signal: 'credit line', evidence: line });
  }
  return found;
}

/**
 * Whether a story is a news agency's copy, told by signals that only the copy itself carries: a
 * byline naming the agency, its dateline credit ("KYIV (Reuters) -") or its closing credit line
 * ("(Reporting by …; Editing by …)", "© AFP", "— AP"). A story that cites an agency ("Reuters
 * reported", "with AFP", "Additional reporting by Reuters") stays its outlet's own, and signals
 * naming two different agencies (a roundup, or a contradiction) give no answer.
 */
export function detectWireCopy(
  article: Pick<ExtractedArticle, 'byline' | 'text'>,
  registry: Pick<OutletRegistry, 'outlets'>,
): WireCopy | null {
  const found = findings(article, creditIndex(registry.outlets));
  const wires = new Set(found.map((f) => f.outlet));
  const [wire] = wires;
  if (!wire || wires.size > 1) return null;
  return {
    wire,
    recognisedBy: found.map(({ signal, evidence }) => ({ signal, evidence: evidence.slice(0, 200) })),
  };
}
