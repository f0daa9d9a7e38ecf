import { createHash } from 'node:crypto';

export interface BriefKeyParts {
  text: string;
  /** What the engine is told about the source; a different outlet is a different brief. */
  sourceContext: string;
  promptVersion: string;
  model: string;
  length: string;
  language: string;
}

/** Same article text (white space aside), source, prompt, model, length and language give the same key. */
export function briefCacheKey(parts: BriefKeyParts): string {
  const text = parts.text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256')
    .update(JSON.stringify([text, parts.sourceContext, parts.promptVersion, parts.model, parts.length, parts.language]))
    .digest('hex');
}
