import fc from 'fast-check';
import { describe, it } from 'vitest';
import { properties } from './fuzz/properties.js';

// A small run on every test; `npm run fuzz` runs 10,000 cases and more.
describe('property-based fuzzing', () => {
  it.each(Object.entries(properties))('%s', (_, property) => {
    fc.assert(property as fc.IRawProperty<unknown[]>, { numRuns: 150 });
  });
});
