/** `npm run bench`: every benchmark on this machine, one table, and bench/results.json. */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { ensureBuilt } from '../tests/helpers/ensure-built.js';
import { runCliStartBenchmark } from './cli-start.js';
import { runComparisonCostBenchmark, runCostBenchmark } from './cost.js';
import { runDiscordBenchmarks } from './discord-bench.js';
import { runExtractionBenchmark } from './extract.js';
import { runFeedBenchmark } from './feeds-bench.js';
import { runMemoryBenchmark } from './memory.js';
import { runMetricsBenchmark } from './metrics-overhead.js';
import { runScaleBenchmark } from './scale-bench.js';
import type { BenchRow } from './stats.js';
import { runStoriesBenchmark } from './stories-bench.js';
import { runTokenBenchmark } from './tokens.js';

// The bot and the CLI are measured as they ship: the compiled code under dist/.
ensureBuilt();
const rows: BenchRow[] = [];
rows.push(...(await runCliStartBenchmark()));
rows.push(...(await runDiscordBenchmarks()));
rows.push(...(await runTokenBenchmark()));
rows.push(...(await runCostBenchmark()));
rows.push(...(await runComparisonCostBenchmark()));
rows.push(...runExtractionBenchmark());
rows.push(...(await runMemoryBenchmark()));
rows.push(...(await runScaleBenchmark()));
rows.push(...(await runMetricsBenchmark()));
rows.push(...(await runFeedBenchmark()));
rows.push(...(await runStoriesBenchmark()));

console.log('\nSitrep benchmarks (each figure beside its reference, measured in this run)');
console.table(rows.map((r) => ({ ...r, met: r.met === null ? '—' : r.met ? 'yes' : 'NO' })));
const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version };
writeFileSync(
  new URL('./results.json', import.meta.url),
  `${JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2)}\n`,
);
