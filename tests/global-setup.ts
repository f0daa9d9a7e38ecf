import { ensureBuilt } from './helpers/ensure-built.js';

/** Tests run bin/sitrep.js as users do, so the compiled code must match the source first. */
export default function setup() {
  ensureBuilt();
}
