import { userMessageFor } from '../../errors.js';
import type { BotContext } from '../bot-context.js';
import { briefThroughDoor, type DoorAsk, type DoorBrief, recordDoor } from '../doors/run-door.js';

/** One link given to /compare, numbered from 1 as given, with its brief or why there is none. */
export interface LinkOutcome {
  n: number;
  url: string;
  made: DoorBrief | null;
  /** The one sentence a user may see, when the link gave no brief. */
  failure: string | null;
}

/**
 * Briefs each link through the door path (the member's and the server's limits, the server's
 * settings and daily model budget, the shown brief kept, filed into its story), all at once; a link
 * that fails is noted with its sentence and the others go on.
 */
export function briefLinks(
  ctx: BotContext,
  ask: Omit<DoorAsk, 'source'>,
  urls: string[],
  onBriefed: (done: number) => void,
): Promise<LinkOutcome[]> {
  let done = 0;
  return Promise.all(
    urls.map(async (url, i): Promise<LinkOutcome> => {
      const linkAsk: DoorAsk = { ...ask, source: { kind: 'url', url } };
      const started = Date.now();
      try {
        const made = await briefThroughDoor(ctx, linkAsk);
        recordDoor(ctx, linkAsk, started, made);
        return { n: i + 1, url, made, failure: null };
      } catch (error) {
        recordDoor(ctx, linkAsk, started, { error });
        return { n: i + 1, url, made: null, failure: userMessageFor(error) };
      } finally {
        onBriefed(++done);
      }
    }),
  );
}
