/**
 * Filing one brief into stories with 1,000, 10,000 and 100,000 briefs already stored in the window:
 * median ms per filing (feature extraction included) and the index's memory. The stored briefs are
 * synthetic but shaped like news: events with places, people, countries, designations and units
 * drawn from long-tailed pools (a few names everywhere, most rare), each told by several outlets
 * with their own noise. They are filed as features (building 100,000 article texts would only
 * time the generator); the timed filings are whole briefs with article text. In memory, the
 * storage the tests use; the SQLite store is timed at 1,000 stored briefs beside it.
 *
 *   npx tsx bench/stories-bench.ts   (STORIES_BENCH_SIZES=1000,10000 for a shorter run)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Brief } from '../src/brief/schema.js';
import { createLogger } from '../src/logger.js';
import { openStore } from '../src/store/open-store.js';
import { type BriefFeatures, briefFeatures } from '../src/stories/brief-features.js';
import { loadCountries } from '../src/stories/countries.js';
import { createKeyvStoryStorage } from '../src/stories/keyv-story-storage.js';
import { createMemoryStoryStorage } from '../src/stories/memory-story-storage.js';
import { normOf } from '../src/stories/similarity.js';
import { createStoryIndex, DEFAULT_STORY_OPTIONS, type StoryIndex } from '../src/stories/story-index.js';
import type { StoryStorage } from '../src/stories/story-storage.js';
import { buildBrief } from '../src/stories/testing/build-brief.js';
import { type BenchRow, median, round } from './stats.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const SIZES = (process.env.STORIES_BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const TIMED = 60;
const WINDOW_MS = 72 * 3_600_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A small seeded generator, so every run files the same briefs. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const rand = random(20261129);
const SYLLABLES = 'ka vo ri lan dor bel mir tov grad pol zhy an ech ov in sk ar ust nik lev ol ba sha hin per'.split(
  ' ',
);
const word = (parts: number) =>
  Array.from({ length: parts }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join('');
const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const pool = (size: number, make: () => string) => [...new Set(Array.from({ length: size * 2 }, make))].slice(0, size);

/** Long-tailed: the first few of a pool come up often, most rarely (the larger the skew, the longer the tail). */
const pick = <T>(list: T[], skew = 2.5) => list[Math.floor(list.length * rand() ** skew)] as T;

const countries = loadCountries();
const POOLS = {
  places: pool(30_000, () => capital(word(3))),
  people: pool(12_000, () => capital(word(3))),
  countries: [
    'Russia',
    'Ukraine',
    'Israel',
    'Iran',
    'China',
    'Taiwan',
    'India',
    'Pakistan',
    'United States',
    'Turkey',
    'Syria',
    'Lebanon',
    'Yemen',
    'Sudan',
    'Armenia',
    'Azerbaijan',
    'North Korea',
    'South Korea',
    'Japan',
    'Poland',
    'Germany',
    'France',
    'United Kingdom',
    'Saudi Arabia',
    'Iraq',
    'Mali',
    'Niger',
    'Ethiopia',
    'Somalia',
    'Libya',
  ],
  designations: pool(1_500, () => `${capital(word(1))}-${Math.floor(rand() * 900) + 2}`),
  units: pool(
    3_000,
    () => `${Math.floor(rand() * 250) + 4}th ${pick(['Brigade', 'Division', 'Regiment', 'Battalion'], 1)}`,
  ),
  terms: pool(4_000, () => word(2 + Math.floor(rand() * 2))),
  nouns: ['drones', 'missiles', 'soldiers', 'vehicles', 'aircraft', 'ships', 'rockets', 'tanks'],
};

const OUTLETS = pool(300, () => `${word(2)}.com`);

interface SyntheticEvent {
  places: string[];
  people: string[];
  countries: string[];
  designation: string;
  unit: string;
  terms: string[];
  counts: [number, string][];
  time: number;
}

function makeEvent(now: number): SyntheticEvent {
  return {
    places: [pick(POOLS.places), pick(POOLS.places), pick(POOLS.places)],
    people: [pick(POOLS.people), pick(POOLS.people)],
    countries: [pick(POOLS.countries), pick(POOLS.countries)],
    designation: pick(POOLS.designations, 1.5),
    unit: pick(POOLS.units, 1.5),
    terms: Array.from({ length: 14 }, () => pick(POOLS.terms)),
    counts: [
      [Math.floor(rand() * 60) + 2, pick(POOLS.nouns)],
      [Math.floor(rand() * 9) + 2, pick(POOLS.nouns)],
    ],
    time: now - Math.floor(rand() * WINDOW_MS),
  };
}

/** One outlet's report of the event as features: most of the event's specifics, some of its own. */
function reportFeatures(event: SyntheticEvent, key: string): BriefFeatures {
  const keep = <T>(list: T[]) => list.filter(() => rand() < 0.7);
  const weights = new Map<string, number>();
  const add = (feature: string, weight: number) => weights.set(feature, weight * (rand() < 0.5 ? 1.5 : 1));
  for (const p of [...keep(event.places), pick(POOLS.places)]) add(`e:${p.toLowerCase()}`, 1);
  for (const p of [...keep(event.people), pick(POOLS.people)]) add(`e:${p.toLowerCase()}`, 1);
  for (const c of event.countries) add(`c:${c.toLowerCase()}`, 1);
  if (rand() < 0.6) add(`w:${event.designation.toLowerCase().replace('-', '')}`, 2);
  if (rand() < 0.5)
    add(`u:${event.unit.split(' ')[0]?.replace(/\D/g, '')} ${event.unit.split(' ')[1]?.toLowerCase()}`, 2);
  for (const [n, noun] of keep(event.counts)) add(`n:${rand() < 0.7 ? n : n + 3} ${noun.replace(/s$/, '')}`, 0.8);
  add(`d:${new Date(event.time).toISOString().slice(0, 10)}`, 0.8);
  for (const t of [...keep(event.terms), ...Array.from({ length: 6 }, () => pick(POOLS.terms))]) add(`t:${t}`, 0.4);
  const outlet = pick(OUTLETS, 1.5);
  const time = event.time + Math.floor(rand() * 6 * 3_600_000);
  return { key, time, outlet, source: outlet, days: [new Date(event.time).toISOString().slice(0, 10)], weights };
}

/** The same event as an article a brief is made of, for the timed filings. */
function reportBrief(event: SyntheticEvent, key: string): Brief {
  const [a, b, c] = event.places;
  const [p1, p2] = event.people;
  const [[n1, noun1] = [2, 'drones'], [n2, noun2] = [3, 'soldiers']] = event.counts;
  const day = WEEKDAYS[new Date(event.time).getUTCDay()];
  const text = [
    `Forces of ${event.countries[0]} and ${event.countries[1]} clashed near ${a} and ${b} on ${day}, officials said.`,
    `The ${event.unit} used ${event.designation} systems and destroyed ${n1} ${noun1}, commander ${p1} said.`,
    `${n2} ${noun2} were reported near ${c}, according to ${p2}. The ${event.terms.slice(0, 8).join(' ')} continued.`,
  ].join('\n\n');
  return buildBrief({
    key,
    publishedAt: new Date(event.time + 3_600_000).toISOString(),
    title: `Clash near ${a}: ${event.terms.slice(8, 12).join(' ')}`,
    text,
    claims: [{ claimant: p1 ?? 'An official', statement: `${p1} said the ${event.unit} destroyed ${n1} ${noun1}.` }],
  });
}

function heapMb(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 1_048_576;
}

/**
 * Stores synthetic reports as the index stores what it files, each in its true event's story:
 * filing 100,000 briefs one by one would time the setup, not the filing measured afterwards.
 */
async function fill(storage: StoryStorage, from: number, to: number, now: number, events: SyntheticEvent[]) {
  let i = from;
  while (i < to) {
    const event = makeEvent(now);
    events.push(event);
    const storyId = `s-event-${events.length}`;
    const reports = 1 + Math.floor(rand() * 5);
    for (let r = 0; r < reports && i < to; r++, i++) {
      const report = reportFeatures(event, `stored-${i}`);
      const features = [...report.weights];
      const expiresAt = Math.max(report.time, now) + WINDOW_MS;
      await storage.putBrief(
        {
          key: report.key,
          time: report.time,
          storyId,
          norm: normOf(features),
          features,
          source: report.source,
          days: report.days,
        },
        WINDOW_MS,
      );
      await storage.addPostings(
        report.key,
        report.time,
        [...report.weights.keys()],
        DEFAULT_STORY_OPTIONS.postingLimit,
        expiresAt,
      );
      await storage.setStoryOf(report.key, storyId, WINDOW_MS);
      await storage.addMember(storyId, { key: report.key, outlet: report.outlet, time: report.time }, 50, WINDOW_MS);
      await storage.noteIndexed(Math.floor(now / 86_400_000), WINDOW_MS);
    }
  }
}

/** Median ms to file one brief (half of a stored event, half of a new one), and the same for features alone. */
async function timeFilings(index: StoryIndex, events: SyntheticEvent[], now: number, tag: string) {
  const briefs = Array.from({ length: TIMED }, (_, i) =>
    reportBrief(i % 2 ? (pick(events) as SyntheticEvent) : makeEvent(now), `timed-${tag}-${i}`),
  );
  const filing: number[] = [];
  const featuresOnly: number[] = [];
  let right = 0;
  for (const [i, brief] of briefs.entries()) {
    let started = performance.now();
    briefFeatures(brief, countries);
    featuresOnly.push(performance.now() - started);
    started = performance.now();
    const filed = await index.fileBrief(brief);
    filing.push(performance.now() - started);

    // Odd ones report a stored event and should join its story; even ones are new events.
    right += Number(i % 2 ? !filed.created : filed.created);
  }
  return { filing: median(filing), features: median(featuresOnly), right };
}

async function sqliteAtThousand(now: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-stories-bench-'));
  const store = openStore(`sqlite://${join(dir, 'bench.sqlite')}`, createLogger('silent'));
  try {
    const storage: StoryStorage = createKeyvStoryStorage(store.keyv);
    const events: SyntheticEvent[] = [];
    await fill(storage, 0, SIZES[0] as number, now, events);
    return (await timeFilings(createStoryIndex(storage, countries), events, now, 'sqlite')).filing;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runStoriesBenchmark(): Promise<BenchRow[]> {
  const now = Date.now();
  const base = heapMb();
  const storage = createMemoryStoryStorage();
  const index = createStoryIndex(storage, countries);
  const events: SyntheticEvent[] = [];
  const results: { size: number; filing: number; features: number; right: number; mb: number }[] = [];
  let stored = 0;
  for (const size of SIZES) {
    const started = performance.now();
    await fill(storage, stored, size, now, events);
    console.error(`stories bench: ${size} stored in ${round((performance.now() - started) / 1_000, 1)} s`);
    stored = size;
    const mb = heapMb() - base;
    results.push({ size, ...(await timeFilings(index, events, now, String(size))), mb });
  }
  const sqlite = await sqliteAtThousand(now);
  const small = results[0] as (typeof results)[0];
  const large = results.at(-1) as (typeof results)[0];
  const rows: BenchRow[] = results.map((r) => ({
    figure: `file one brief into stories among ${r.size.toLocaleString('en')} stored briefs (in memory), median ms`,
    sitrep: `${round(r.filing, 2)} (features ${round(r.features, 2)}; ${r.right}/${TIMED} filed right)`,
    reference: r === small ? `SQLite store, same 1,000: ${round(sqlite, 2)}` : `among 1,000: ${round(small.filing, 2)}`,
    goal: r === small ? 'far slower growth than the store' : `≤ 3 × the 1,000 figure (store ×${r.size / small.size})`,
    met: r === small ? null : r.filing <= 3 * small.filing,
  }));
  rows.push({
    figure: `story index memory with ${large.size.toLocaleString('en')} briefs in the window, MB`,
    sitrep: `${round(large.mb)} (${round((large.mb * 1_048_576) / large.size)} bytes a brief)`,
    reference: `with 1,000: ${round(small.mb, 1)}`,
    goal: '—',
    met: null,
  });
  return rows;
}

if (process.argv[1]?.endsWith('stories-bench.ts')) console.table(await runStoriesBenchmark());
