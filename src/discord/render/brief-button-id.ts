/** `full` opens the whole brief (a digest's buttons); the others open one part of it. */
export type BriefButtonKind = 'claims' | 'note' | 'read' | 'full';

const PATTERN = /^brief:(claims|note|read|full):([0-9a-f]{64})$/;

/** Button state lives in the custom id (the brief's cache key), so buttons work after a restart. */
export function briefButtonId(kind: BriefButtonKind, cacheKey: string): string {
  return `brief:${kind}:${cacheKey}`;
}

export function parseBriefButtonId(customId: string): { kind: BriefButtonKind; cacheKey: string } | null {
  const match = PATTERN.exec(customId);
  return match ? { kind: match[1] as BriefButtonKind, cacheKey: match[2] as string } : null;
}
