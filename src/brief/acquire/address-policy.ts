import ipaddr from 'ipaddr.js';

export interface AddressPolicy {
  /** Test-only: also accept loopback addresses, so the suite can serve fixture pages. */
  allowLoopback: boolean;
}

/**
 * Only public unicast addresses may be fetched. ipaddr.js classifies every special range
 * (loopback, private, carrier-grade NAT, link-local incl. 169.254.169.254, unique-local, multicast,
 * unspecified, reserved, 6to4/Teredo/NAT64 wrappers); `process` unwraps IPv4-mapped IPv6 first.
 */
export function isAllowedAddress(address: string, policy: AddressPolicy): boolean {
  if (!ipaddr.isValid(address)) return false;
  const range = ipaddr.process(address).range();
  return range === 'unicast' || (policy.allowLoopback && range === 'loopback');
}

/** An IP literal as it appears in a URL's hostname (IPv6 in brackets), or null for a name. */
export function ipLiteralOf(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}
