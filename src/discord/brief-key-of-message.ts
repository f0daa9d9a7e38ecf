import type { Message } from 'discord.js';
import { parseBriefButtonId } from './render/brief-button-id.js';

/** The cache key of the brief a Sitrep message shows, read from its buttons; null for other messages. */
export function briefKeyOfMessage(message: Message): string | null {
  if (message.author?.id !== message.client.user.id) return null;
  for (const row of message.components) {
    if (!('components' in row)) continue;
    for (const component of row.components) {
      const parsed = 'customId' in component && component.customId ? parseBriefButtonId(component.customId) : null;
      // A digest's buttons each open a different brief: the message itself is no one brief.
      if (parsed && parsed.kind !== 'full') return parsed.cacheKey;
    }
  }
  return null;
}
