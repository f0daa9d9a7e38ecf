#!/usr/bin/env node
// Installed entry point: runs the compiled CLI from dist/ (`npm run build`; `npm ci` builds it too).
// In a clone, `npm run sitrep` runs the TypeScript through tsx instead, with no build.
const CLI = new URL('../dist/src/cli.js', import.meta.url);

let cli;
try {
  cli = await import(CLI.href);
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(CLI.pathname)) throw error;
  process.stderr.write('sitrep: the compiled code is missing (dist/); run `npm run build` in the Sitrep folder.\n');
  process.exit(1);
}
process.exitCode = await cli.runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
