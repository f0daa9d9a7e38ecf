import { ApplicationFlagsBitField, Events, GatewayIntentBits } from 'discord.js';
import { commands } from '../../commands/index.js';
import type { Config } from '../config.js';
import { createPipeline } from '../create-pipeline.js';
import { UserError } from '../errors.js';
import { createUsageLimits } from '../limits/usage-limits.js';
import type { Logger } from '../logger.js';
import { createGuildSettingsStore } from '../store/guild-settings.js';
import { requireRedis } from '../store/redis-connection.js';
import type { BotContext } from './bot-context.js';
import { createDiscordClient } from './create-client.js';
import { createInteractionHandler } from './events/on-interaction.js';
import { createMessageHandler } from './events/on-message.js';
import { createReactionHandler } from './events/on-reaction.js';
import { createFeeds } from './feeds/start-feeds.js';
import { MISSING_TOKEN } from './missing-token.js';
import { startBotMetrics } from './start-bot-metrics.js';

const MESSAGE_CONTENT_FLAGS =
  ApplicationFlagsBitField.Flags.GatewayMessageContent | ApplicationFlagsBitField.Flags.GatewayMessageContentLimited;

/** Logs in and wires every door to the pipeline. `stop` drains in-flight work, then closes everything. */
export async function startBot(config: Config, logger: Logger, shards?: { ids: number[]; count: number }) {
  const token = config.discord.token;
  if (!token) throw new UserError('NOT_CONFIGURED', MISSING_TOKEN);
  const pipeline = createPipeline(config, logger);
  if (pipeline.store.redis)
    await requireRedis(pipeline.store.redis, config.store).catch(async (error: unknown) => {
      await pipeline.close();
      throw error;
    });
  const limits = createUsageLimits(pipeline.store.redis);
  const client = createDiscordClient({
    ...config.discord,
    ...(shards ? { shards: shards.ids, shardCount: shards.count } : {}),
  });
  const monitoring = await startBotMetrics(config.metrics, { client, store: pipeline.store, logger }).catch(
    async (error: unknown) => {
      await pipeline.close();
      throw error;
    },
  );
  const inFlight = new Set<Promise<unknown>>();
  let stopping = false;
  const feeds = createFeeds(config, pipeline, client, logger);
  // Without Redis, processes cannot share feed leases: only the one running shard 0 polls.
  const pollsFeeds = pipeline.store.redis !== null || !shards || shards.ids.includes(0);

  const ctx: BotContext = {
    pipeline: { ...pipeline.ctx, observer: monitoring.metrics.pipeline },
    briefs: pipeline.briefs,
    stories: pipeline.stories,
    // With Redis every shard reads settings through the shared store (concurrent reads still shared).
    settings: createGuildSettingsStore(pipeline.store, pipeline.store.redis ? 0 : undefined),
    limits,
    feeds: feeds.desk,
    logger,
    metrics: monitoring.metrics,
    hasMessageContent: () =>
      client.options.intents.has(GatewayIntentBits.MessageContent) &&
      (client.application?.flags?.any(MESSAGE_CONTENT_FLAGS) ?? false),
    track(work) {
      inFlight.add(work);
      work.finally(() => inFlight.delete(work)).catch(() => {});
      return work;
    },
  };
  const onInteraction = createInteractionHandler(commands, ctx);
  client.on(Events.InteractionCreate, (interaction) => {
    if (!stopping) void onInteraction(interaction);
  });
  const onReaction = createReactionHandler(ctx);
  client.on(Events.MessageReactionAdd, (reaction, user) => {
    if (!stopping) void onReaction(reaction, user);
  });
  const onMessage = createMessageHandler(ctx);
  client.on(Events.MessageCreate, (message) => {
    if (!stopping) void onMessage(message);
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    await Promise.allSettled([monitoring.close(), client.destroy(), pipeline.close()]);
    throw error;
  }
  if (pollsFeeds) feeds.start(ctx);
  logger.info(
    {
      user: client.user?.tag,
      guilds: client.guilds.cache.size,
      messageContent: ctx.hasMessageContent(),
      pollsFeeds,
    },
    'bot ready',
  );

  return {
    client,
    ctx,
    /** Where /healthz and /metrics answer, when this process serves them. */
    metricsAddress: monitoring.address,
    /** The feed store and a way to poll one feed at once (tests, benchmarks). */
    feeds: { store: feeds.store, pollNow: feeds.pollNow },
    async stop() {
      if (stopping) return;
      stopping = true;
      logger.info({ inFlight: inFlight.size }, 'shutting down');
      const grace = new Promise((resolve) => setTimeout(resolve, config.discord.shutdownGraceMs).unref());
      await Promise.race([Promise.allSettled([...inFlight, feeds.stop()]), grace]);
      await client.destroy();
      await pipeline.close();
      await monitoring.close();
      logger.info('stopped');
    },
  };
}

export type RunningBot = Awaited<ReturnType<typeof startBot>>;
