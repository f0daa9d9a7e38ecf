import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { Agent, buildConnector } from 'undici';
import { type AddressPolicy, ipLiteralOf, isAllowedAddress } from './address-policy.js';

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export class ForbiddenAddressError extends Error {
  override readonly name = 'ForbiddenAddressError';
  constructor(readonly host: string) {
    super(`destination ${host} is not a public address`);
  }
}

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

export type ConnectorFactory = (options: buildConnector.BuildOptions) => buildConnector.connector;

/**
 * An undici Agent whose every connection (first request and each redirect hop alike) goes to an
 * address that was checked: IP literals are checked before connecting, names are resolved here and
 * refused if any of their addresses is not public, and the socket then uses the checked address.
 */
export function createSafeDispatcher(
  policy: AddressPolicy,
  resolve: Resolver = systemResolver,
  makeConnector: ConnectorFactory = buildConnector,
): Agent {
  const lookup = (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    resolve(hostname).then(
      (addresses) => {
        if (addresses.length === 0) return callback(new Error(`no address for ${hostname}`), []);
        if (!addresses.every((a) => isAllowedAddress(a.address, policy))) {
          return callback(new ForbiddenAddressError(hostname), []);
        }
        if (options.all) return callback(null, addresses);
        const first = addresses[0] as LookupAddress;
        callback(null, first.address, first.family);
      },
      (error: Error) => callback(error, []),
    );
  };
  const connectThroughCheckedLookup = makeConnector({ lookup } as buildConnector.BuildOptions);

  return new Agent({
    connect(options, callback) {
      const literal = ipLiteralOf(options.hostname);
      if (literal !== null && !isAllowedAddress(literal, policy)) {
        callback(new ForbiddenAddressError(options.hostname), null);
        return;
      }
      connectThroughCheckedLookup(options, callback);
    },
  });
}
