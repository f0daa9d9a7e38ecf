import { loadPrompts } from '../src/brief/engines/load-prompts.js';
import { ENGINE_NAMES, ENGINES, type EngineName } from '../src/brief/engines/registry.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';

/** The registry's engines that this environment's settings configure, in order; each one left out is named once. */
export function configuredEngines(scored: string): EngineName[] {
  const config = loadConfig();
  const deps = {
    logger: createLogger('silent'),
    prompts: loadPrompts,
    withModelSlot: <T>(work: () => Promise<T>) => work(),
  };
  return ENGINE_NAMES.filter((name) => {
    if (ENGINES[name].create(config, deps)) return true;
    console.log(`${scored} with ${name} not scored: ${ENGINES[name].missing}`);
    return false;
  });
}
