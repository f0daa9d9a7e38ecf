import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const SQLITE_BINARY = 'node_modules/sqlite3/build/Release/node_sqlite3.node';

interface LockEntry {
  version?: string;
  dev?: boolean;
  [field: string]: unknown;
}

/**
 * A lock file for a folder that depends only on the packed tarball: the tarball itself, and every
 * package our own lock file resolves for production, at the same versions. `npm ci --offline` then
 * needs nothing but tarballs already in the npm cache (where our own `npm ci` put them), and no
 * registry metadata, which `npm ci` never fetches.
 */
function lockFor(tarball: string, name: string) {
  const ours = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const spec = `file:${basename(tarball)}`;
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  const packages: Record<string, unknown> = {
    '': { name, dependencies: { [pkg.name]: spec } },
    [`node_modules/${pkg.name}`]: {
      version: pkg.version,
      resolved: spec,
      integrity,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [path, entry] of Object.entries(ours.packages)) {
    if (path.startsWith('node_modules/') && !entry.dev) packages[path] = entry;
  }
  return {
    manifest: { name, private: true, dependencies: { [pkg.name]: spec } },
    lock: { name, lockfileVersion: 3, requires: true, packages },
  };
}

/**
 * Installs a packed Sitrep into `dir` without the network, as a user would install the tarball,
 * with one step replaced: sqlite3's install script would compile it from source (its prebuilt
 * download needs the network), about a minute here, so scripts are skipped and the binary our own
 * install compiled for this Node is copied in after checking the versions match. CI's clean
 * install on every Node line runs the real compile.
 */
export async function installTarballOffline(tarball: string, dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  copyFileSync(tarball, join(dir, basename(tarball)));
  const { manifest, lock } = lockFor(join(dir, basename(tarball)), 'sitrep-install-check');
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lock, null, 2));
  await run('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    timeout: 120_000,
  });
  const version = (root: string) =>
    JSON.parse(readFileSync(join(root, 'node_modules/sqlite3/package.json'), 'utf8')).version as string;
  if (version(dir) !== version(ROOT)) {
    throw new Error(`sqlite3 ${version(dir)} was installed, but this checkout built ${version(ROOT)}`);
  }
  mkdirSync(join(dir, 'node_modules/sqlite3/build/Release'), { recursive: true });
  copyFileSync(join(ROOT, SQLITE_BINARY), join(dir, SQLITE_BINARY));
  return join(dir, 'node_modules/.bin/sitrep');
}
