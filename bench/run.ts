/** `npm run bench`: every benchmark, each printing its own table. */
import { runExtractionBenchmark } from './extract.js';

runExtractionBenchmark();
