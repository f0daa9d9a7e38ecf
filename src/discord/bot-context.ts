import type { PipelineContext } from '../brief/make-brief.js';
import type { FeedDesk } from '../feeds/feed-desk.js';
import type { UsageLimits } from '../limits/usage-limits.js';
import type { Logger } from '../logger.js';
import type { BotMetrics } from '../metrics/bot-metrics.js';
import type { BriefStore } from '../store/brief-store.js';
import type { GuildSettingsStore } from '../store/guild-settings.js';
import type { Stories } from '../stories/create-stories.js';

/** What every handler receives: handed in, never imported, so tests can build their own. */
export interface BotContext {
  pipeline: PipelineContext;
  /** Briefs as shown in Discord, for buttons and reactions on their messages. */
  briefs: BriefStore;
  /** Every brief a door makes is filed into the story of its event; stories are compared on demand. */
  stories: Stories;
  settings: GuildSettingsStore;
  limits: UsageLimits;
  /** The server's feeds, as admins manage them (the scheduler polls them on its own). */
  feeds: FeedDesk;
  logger: Logger;
  /** Counters for briefs by door and outcome, and feed polls; no-ops when metrics are off. */
  metrics: BotMetrics;
  /** Whether this bot asked for (and Discord granted) the Message Content intent. */
  hasMessageContent: () => boolean;
  /** Tracks a unit of work so shutdown can wait for it. */
  track: <T>(work: Promise<T>) => Promise<T>;
}
