import { readFileSync } from 'node:fs';
import { parse } from 'tldts';
import { z } from 'zod';
import { fromRoot } from '../../package-root.js';

/** What stands behind an outlet: who owns or directs it, or what it is (a wire, a think tank). */
export const OutletKindSchema = z.enum([
  'state-controlled',
  'state-funded public broadcaster',
  'government or military',
  'party- or armed-group-affiliated',
  'independent',
  'wire',
  'think tank or NGO',
]);

export const OutletSchema = z.object({
  domains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)).min(1),
  name: z.string().min(1),
  country: z.string().min(2),
  kind: OutletKindSchema,
  owner: z.string().min(2),
  reference: z.url(),
  /**
   * Set for news agencies whose copy other outlets carry: the names that copy is credited under in
   * bylines, datelines and credit lines ("AP", "The Associated Press"). A name written without
   * lower-case letters is an acronym and matches only in capitals.
   */
  creditedAs: z.array(z.string().min(2).max(40)).min(1).optional(),
});
export type Outlet = z.infer<typeof OutletSchema>;

export const OutletRegistryFileSchema = z.object({
  version: z.string(),
  note: z.string().optional(),
  outlets: z.array(OutletSchema),
});

export const OUTLETS_PATH = fromRoot('data', 'outlets.json');

export interface OutletRegistry {
  size: number;
  outlets: readonly Outlet[];
  /** The outlet behind a page address (a listed domain or any subdomain of it) or, failing that, a name. */
  find(where: { url?: string | null; domain?: string | null; name?: string | null }): Outlet | null;
}

/**
 * The domains a host may be listed under, most specific first: the host and its parents down to
 * its registrable domain, so `en.yna.co.kr` tries `en.yna.co.kr` then `yna.co.kr`. Some outlets
 * own a whole public suffix (`gov.uk`, `idf.il`); those match only their bare or `www.` host, so
 * a council under `gov.uk` is not the UK government.
 */
function listedDomainsFor(address: string): string[] {
  const { hostname, domain } = parse(address);
  if (!hostname) return [];
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const candidates: string[] = [];
  if (domain) {
    for (let name = host; name.length >= domain.length; name = name.slice(name.indexOf('.') + 1)) {
      candidates.push(name);
      if (name === domain || !name.includes('.')) break;
    }
  }
  candidates.push(host.replace(/^www\./, ''));
  return candidates;
}

/**
 * Outlet facts come from this data file, never from the model. A page maps to the most specific
 * listed domain it falls under (public-suffix aware), so `en.yna.co.kr` is Yonhap,
 * `royalnavy.mod.uk` can differ from `mod.uk`, and `evil-bbc.com` is not the BBC.
 */
export function loadOutletRegistry(path: URL | string = OUTLETS_PATH): OutletRegistry {
  const file = OutletRegistryFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const byDomain = new Map<string, Outlet>();
  const byName = new Map<string, Outlet>();
  for (const outlet of file.outlets) {
    for (const domain of outlet.domains) byDomain.set(domain, outlet);
    byName.set(outlet.name.toLowerCase(), outlet);
  }
  return {
    size: file.outlets.length,
    outlets: file.outlets,
    find({ url, domain, name }) {
      for (const address of [url, domain]) {
        if (!address) continue;
        for (const candidate of listedDomainsFor(address.slice(0, 2048))) {
          const outlet = byDomain.get(candidate);
          if (outlet) return outlet;
        }
      }
      return (name && byName.get(name.trim().toLowerCase())) || null;
    },
  };
}
