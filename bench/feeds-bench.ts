/**
 * Feed polling at scale: 1,000 feeds of 100 items on 20 local hosts, polled by one process (the real
 * feed store on SQLite, desk and scheduler; bench/feed-poller.ts) while 5 % of the feeds publish an
 * item each interval. Measures polls per minute, CPU per 1,000 polls, how unchanged polls are
 * answered, bytes with and without conditional requests, and the poller's resident memory.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { startFeedHost } from './feed-host.js';
import type { PollerCommand } from './feed-poller.js';
import { type BenchRow, round } from './stats.js';

const FEEDS = 1_000;
const ITEMS = 100;
const HOSTS = 20;
/** The bench polls every feed every 10 s (30 times the production default), to measure in a minute. */
const INTERVAL_MS = 10_000;
const CHANGED_PER_INTERVAL = FEEDS / 20;
const CONDITIONAL_MS = 40_000;
const UNCONDITIONAL_MS = 20_000;
/** The goal: 1,000 feeds every 5 minutes. */
const GOAL_PERIOD_S = 300;

interface PollerReport {
  cpuMs: number;
  ms: number;
  polls: number;
  newItems: number;
  rssMb: number;
}

function startPoller(): Promise<{ child: ChildProcess; rssMb: number }> {
  const child = fork(join(import.meta.dirname, 'feed-poller.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { rssMb: number }) => resolve({ child, rssMb: message.rssMb }));
    child.once('exit', (code) => reject(new Error(`the feed poller exited with ${code}`)));
  });
}

function ask(child: ChildProcess, command: PollerCommand): Promise<PollerReport> {
  return new Promise((resolve) => {
    child.once('message', (report: PollerReport) => resolve(report));
    child.send(command);
  });
}

export async function runFeedBenchmark(): Promise<BenchRow[]> {
  const host = await startFeedHost({ feeds: FEEDS, hosts: HOSTS, itemsPerFeed: ITEMS });
  const { child, rssMb: idleRss } = await startPoller();
  try {
    const added = await ask(child, { cmd: 'add', urls: host.feedUrls, intervalMs: INTERVAL_MS });

    host.reset();
    const publishing = setInterval(() => host.publish(CHANGED_PER_INTERVAL), INTERVAL_MS);
    const conditional = await ask(child, { cmd: 'poll', ms: CONDITIONAL_MS, intervalMs: INTERVAL_MS });
    const served = { ...host.counters };

    host.reset();
    host.setConditional(false);
    const unconditional = await ask(child, { cmd: 'poll', ms: UNCONDITIONAL_MS, intervalMs: INTERVAL_MS });
    const servedInFull = { ...host.counters };
    clearInterval(publishing);

    const perMinute = conditional.polls / (conditional.ms / 60_000);
    const cpuPer1000 = conditional.cpuMs / conditional.polls;
    const plainCpuPer1000 = unconditional.cpuMs / unconditional.polls;
    const coreShare = (cpuPer1000 * (FEEDS / 1_000) * 100) / GOAL_PERIOD_S;
    const answered304 = (100 * served.notModified) / Math.max(1, served.unchangedPolls);
    const mbPer1000 = served.bytes / served.requests / 1_000;
    const plainMbPer1000 = servedInFull.bytes / servedInFull.requests / 1_000;
    console.log(
      `feeds: ${conditional.polls} polls in ${round(conditional.ms / 1000)} s, ${conditional.newItems} new items; without conditional requests ${unconditional.polls} polls in ${round(unconditional.ms / 1000)} s`,
    );
    return [
      {
        figure: `feeds polled per minute, one process (${FEEDS} feeds of ${ITEMS} items)`,
        sitrep: `${Math.round(perMinute)}`,
        reference: `needed for ${FEEDS} every 5 min: ${FEEDS / 5}; due at a 10 s interval: ~${Math.round((FEEDS * 60_000) / (INTERVAL_MS * 1.05))}`,
        goal: `≥ ${FEEDS / 5}`,
        met: perMinute >= FEEDS / 5,
      },
      {
        figure: 'CPU seconds per 1,000 polls (5 % of feeds changing)',
        sitrep: `${round(cpuPer1000, 2)} s = ${round(coreShare, 2)} % of a core at ${FEEDS} feeds / 5 min`,
        reference: `without conditional requests: ${round(plainCpuPer1000, 2)} s`,
        goal: '< 10 % of a core',
        met: coreShare < 10,
      },
      {
        figure: 'unchanged polls answered 304 Not Modified',
        sitrep: `${round(answered304)} % of ${served.unchangedPolls}`,
        reference: 'a server ignoring ETags: 0 %',
        goal: '≥ 90 %',
        met: answered304 >= 90,
      },
      {
        figure: 'bytes per 1,000 polls (headers and bodies)',
        sitrep: `${round(mbPer1000, 2)} MB`,
        reference: `without conditional requests: ${round(plainMbPer1000, 2)} MB`,
        goal: 'far fewer',
        met: mbPer1000 * 5 < plainMbPer1000,
      },
      {
        figure: `adding a feed of ${ITEMS} items (full fetch, parse, all marked seen)`,
        sitrep: `${round(added.cpuMs / FEEDS, 1)} ms CPU`,
        reference: `${FEEDS} added in ${round(added.ms / 1000)} s, 8 at a time`,
        goal: '—',
        met: null,
      },
      {
        figure: `poller resident memory, ${FEEDS} feeds of ${ITEMS} items`,
        sitrep: `${round(conditional.rssMb)} MB`,
        reference: `the same process before any feed: ${round(idleRss)} MB`,
        goal: '—',
        met: null,
      },
    ];
  } finally {
    child.send({ cmd: 'exit' } satisfies PollerCommand);
    await new Promise((resolve) => child.once('exit', resolve));
    await host.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await runFeedBenchmark());
}
