import { ENGINE_NAMES, ENGINES } from '../brief/engines/registry.js';
import type { Config } from '../config.js';
import { createPipeline } from '../create-pipeline.js';
import type { Logger } from '../logger.js';
import type { CliIo } from './brief-command.js';

/**
 * `sitrep engines`: every engine in the registry, whether its settings are present, what it needs,
 * and for an engine with an explicit prompt cache, the cached prefix counted by the provider's own
 * token counter against the model's minimum (below it the provider caches nothing, silently).
 */
export async function runEnginesCommand(config: Config, logger: Logger, io: CliIo): Promise<void> {
  const pipeline = createPipeline(config, logger);
  try {
    const lines = [`SITREP_ENGINE=${config.engine}`, ''];
    for (const name of ENGINE_NAMES) {
      const definition = ENGINES[name];
      const engine = pipeline.ctx.engines.get(name);
      const facts = [
        definition.summary,
        definition.metered ? 'metered' : 'free',
        `prompt caching: ${definition.promptCaching}`,
      ];
      const state = engine ? `ready (${engine.model})` : `not configured: needs ${definition.needs}`;
      // The registry's texts are written for the README's Markdown table.
      lines.push(`${name}: ${state}`.replaceAll('`', ''), `  ${facts.join(' · ')}`.replaceAll('`', ''));
      if (engine?.cachePrefixStatus) {
        const status = await engine.cachePrefixStatus().catch(() => null);
        lines.push(
          status
            ? `  cached prefix: ${status.prefixTokens} tokens, minimum ${status.minimumTokens} for ${engine.model}: ${status.engaged ? 'cached' : 'too short, so never cached'}`
            : '  cached prefix: could not be counted (the API did not answer)',
        );
      }
    }
    io.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await pipeline.close();
  }
}
