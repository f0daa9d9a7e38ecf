/** `compare` compares a brief's story (its key: the brief's); `full` opens a stored comparison (its cache key). */
export type StoryButtonKind = 'compare' | 'full';

const PATTERN = /^story:(compare|full):([0-9a-f]{64})$/;

/** Button state lives in the custom id, so Compare and Full comparison work after a restart. */
export function storyButtonId(kind: StoryButtonKind, key: string): string {
  return `story:${kind}:${key}`;
}

export function parseStoryButtonId(customId: string): { kind: StoryButtonKind; key: string } | null {
  const match = PATTERN.exec(customId);
  return match ? { kind: match[1] as StoryButtonKind, key: match[2] as string } : null;
}
