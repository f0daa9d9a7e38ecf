import { UserError } from '../errors.js';
import type { Engine } from './engines/engine.js';
import { ENGINE_NAMES, ENGINES, type EngineName } from './engines/registry.js';
import type { EngineChoice } from './schema.js';

/**
 * The engine for a request: a named one when it is configured, or for `auto` the first configured
 * model engine in the registry's order, else the offline engine.
 */
export function chooseEngine(choice: EngineChoice, engines: ReadonlyMap<EngineName, Engine>): Engine {
  if (choice !== 'auto') {
    const engine = engines.get(choice);
    if (!engine) throw new UserError('NOT_CONFIGURED', ENGINES[choice].missing);
    return engine;
  }
  const model = ENGINE_NAMES.find((name) => ENGINES[name].isModel && engines.has(name));
  return engines.get(model ?? 'offline') as Engine;
}
