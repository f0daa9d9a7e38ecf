import { EventEmitter } from 'node:events';
import { Counter, Gauge, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { ShardLike } from './ask-shard.js';
import type { Health } from './health.js';
import type { ShardAsk } from './shard-messages.js';
import { createShardTreeSource } from './shard-tree-source.js';

/** A shard process stand-in answering as answerShardAsks does, from a registry of its own. */
function fakeShard(id: number, options: { health?: Health; silent?: boolean; running?: boolean } = {}) {
  const registry = new Registry();
  const briefs = new Counter({ name: 'sitrep_briefs_total', help: 'b', labelNames: ['door'], registers: [registry] });
  new Gauge({
    name: 'sitrep_gateway_up',
    help: 'g',
    labelNames: ['shard'],
    registers: [registry],
    collect() {
      this.set({ shard: String(id) }, 1);
    },
  });
  const events = new EventEmitter();
  const shard: ShardLike = {
    process: options.running === false ? null : {},
    on: (event, listener) => events.on(event, listener),
    off: (event, listener) => events.off(event, listener),
    async send(ask: ShardAsk) {
      if (options.silent) return;
      const answer =
        ask.what === 'health'
          ? { sitrepAnswer: ask.sitrepAsk, health: options.health ?? { status: 'ok' } }
          : { sitrepAnswer: ask.sitrepAsk, metrics: await registry.getMetricsAsJSON() };
      setImmediate(() => events.emit('message', answer));
    },
  };
  return { shard, briefs };
}

const tree = (...shards: ShardLike[]) => ({ totalShards: shards.length, shards: new Map(shards.entries()) });

describe('createShardTreeSource', () => {
  it('sums counters across shards and keeps per-shard gauges apart', async () => {
    const a = fakeShard(0);
    const b = fakeShard(1);
    a.briefs.inc({ door: 'summarize' }, 2);
    b.briefs.inc({ door: 'summarize' }, 3);
    b.briefs.inc({ door: 'reaction' });
    const { text } = await createShardTreeSource(tree(a.shard, b.shard)).metrics();
    expect(text).toContain('sitrep_briefs_total{door="summarize"} 5');
    expect(text).toContain('sitrep_briefs_total{door="reaction"} 1');
    expect(text).toContain('sitrep_gateway_up{shard="0"} 1');
    expect(text).toContain('sitrep_gateway_up{shard="1"} 1');
    expect(text).toContain('sitrep_shard_up{shard="0"} 1');
    expect(text).toContain('sitrep_shard_up{shard="1"} 1');
  });

  it('serves what the answering shards report, and marks a silent one down', async () => {
    const a = fakeShard(0);
    a.briefs.inc({ door: 'summarize' });
    const { text } = await createShardTreeSource(tree(a.shard, fakeShard(1, { silent: true }).shard), 100).metrics();
    expect(text).toContain('sitrep_briefs_total{door="summarize"} 1');
    expect(text).toContain('sitrep_shard_up{shard="1"} 0');
  });

  it('is healthy only when every shard runs, answers and is healthy, and names the first that is not', async () => {
    const ok = fakeShard(0).shard;
    expect(await createShardTreeSource(tree(ok, fakeShard(1).shard)).health()).toEqual({ status: 'ok' });
    const sick = fakeShard(1, { health: { status: 'unhealthy', reason: 'gateway disconnected' } }).shard;
    expect(await createShardTreeSource(tree(ok, sick)).health()).toEqual({
      status: 'unhealthy',
      reason: 'shard 1: gateway disconnected',
    });
    expect(await createShardTreeSource(tree(ok, fakeShard(1, { silent: true }).shard), 100).health()).toEqual({
      status: 'unhealthy',
      reason: 'shard 1 did not answer within 100 ms',
    });
    expect(await createShardTreeSource(tree(ok, fakeShard(1, { running: false }).shard)).health()).toEqual({
      status: 'unhealthy',
      reason: 'shard 1 is not running',
    });
  });

  it('counts a shard the manager has not started yet as not running', async () => {
    const partial = { totalShards: 2, shards: new Map([[0, fakeShard(0).shard]]) };
    expect(await createShardTreeSource(partial).health()).toEqual({
      status: 'unhealthy',
      reason: 'shard 1 is not running',
    });
  });
});
