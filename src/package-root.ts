import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding Sitrep's package.json, found by walking up from this module: the same answer
 * whether the code runs as TypeScript from src/ (tsx, vitest), compiled under dist/, or installed in
 * node_modules/sitrep. Assets (prompts, data, bin) are located from here, never by counting `../`.
 */
function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** An absolute path inside the package: `fromRoot('data', 'outlets.json')`. */
export function fromRoot(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}
