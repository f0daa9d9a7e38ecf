import { createHash } from 'node:crypto';
import { ITEMS_LIMITS } from './subscription.js';

/** An item id as kept among the seen: 64 bits of its hash, whatever the id's length. */
export function seenKey(itemId: string): string {
  return createHash('sha256').update(itemId).digest('hex').slice(0, 16);
}

/**
 * The seen ids after a poll: the old ones, then the new ones, bounded. When the bound is reached the
 * oldest ids go first, but never one the feed still carries, so a current item cannot come back as new.
 */
export function rememberSeen(seen: string[], added: string[], current: ReadonlySet<string>): string[] {
  const addedSet = new Set(added);
  const merged = [...seen.filter((key) => !addedSet.has(key)), ...added];
  let excess = merged.length - ITEMS_LIMITS.maxSeen;
  if (excess <= 0) return merged;
  return merged.filter((key) => {
    if (excess > 0 && !current.has(key)) {
      excess--;
      return false;
    }
    return true;
  });
}
