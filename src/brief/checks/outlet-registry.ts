import { readFileSync } from 'node:fs';
import { getDomain } from 'tldts';
import { z } from 'zod';
import { fromRoot } from '../../package-root.js';

export const OutletKindSchema = z.enum([
  'state-controlled',
  'state-funded public broadcaster',
  'government or military',
  'party- or armed-group-affiliated',
  'independent',
  'wire',
]);

export const OutletSchema = z.object({
  domains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)).min(1),
  name: z.string().min(1),
  country: z.string().min(2),
  kind: OutletKindSchema,
  owner: z.string().min(2),
  reference: z.url(),
});
export type Outlet = z.infer<typeof OutletSchema>;

export const OutletRegistryFileSchema = z.object({ version: z.string(), outlets: z.array(OutletSchema) });

export const OUTLETS_PATH = fromRoot('data', 'outlets.json');

export interface OutletRegistry {
  size: number;
  /** The outlet behind a page address (any subdomain of a listed registrable domain) or, failing that, a name. */
  find(where: { url?: string | null; domain?: string | null; name?: string | null }): Outlet | null;
}

/**
 * Outlet facts come from this data file, never from the model. Domains are compared by their
 * registrable part (public-suffix aware), so `en.yna.co.kr` is Yonhap and `www1.example.co.uk` is
 * `example.co.uk`, while `evil-bbc.com` is not the BBC.
 */
export function loadOutletRegistry(path: URL | string = OUTLETS_PATH): OutletRegistry {
  const file = OutletRegistryFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const byDomain = new Map<string, Outlet>();
  const byName = new Map<string, Outlet>();
  for (const outlet of file.outlets) {
    for (const domain of outlet.domains) byDomain.set(getDomain(domain) ?? domain, outlet);
    byName.set(outlet.name.toLowerCase(), outlet);
  }
  return {
    size: file.outlets.length,
    find({ url, domain, name }) {
      for (const host of [url, domain]) {
        const registrable = host ? getDomain(host) : null;
        const outlet = registrable ? byDomain.get(registrable) : undefined;
        if (outlet) return outlet;
      }
      return (name && byName.get(name.trim().toLowerCase())) || null;
    },
  };
}
