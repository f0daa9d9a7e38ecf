/** `npm run fuzz [cases]`: every property over many random cases; prints cases and crashes per property. */
import fc from 'fast-check';
import { properties } from './properties.js';

const total = Number(process.argv[2] ?? 10_000);
const perProperty = Math.ceil(total / Object.keys(properties).length);
let crashes = 0;
const rows: Record<string, { cases: number; failures: number; ms: number }> = {};
for (const [name, property] of Object.entries(properties)) {
  const started = performance.now();
  const result = fc.check(property as fc.IProperty<unknown[]>, { numRuns: perProperty });
  const failures = result.failed ? 1 : 0;
  crashes += failures;
  rows[name] = { cases: result.numRuns, failures, ms: Math.round(performance.now() - started) };
  if (result.failed)
    console.error(
      `${name}: counterexample ${JSON.stringify(result.counterexample)?.slice(0, 500)}\n${String(result.errorInstance)}`,
    );
}
console.table(rows);
console.log(`${Object.values(rows).reduce((n, r) => n + r.cases, 0)} cases, ${crashes} crashes`);
process.exitCode = crashes === 0 ? 0 : 1;
