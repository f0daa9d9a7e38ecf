import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparisonFor, isComparisonRequest } from './helpers/comparison-responder.js';
import { TEST_API_KEY } from './helpers/test-pipeline.js';
import { articleIn, briefFromArticle, type MessagesApi, startMessagesApi } from './stand-ins/messages-api.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/sitrep.js');
const fixture = (name: string) => `tests/fixtures/stories/${name}.html`;
const [ISPR, PIB, REUTERS] = ['kashmir-ispr', 'kashmir-pib', 'kashmir-reuters'].map(fixture) as [
  string,
  string,
  string,
];
const KASHMIR = [ISPR, PIB, REUTERS];
const ENGELS = fixture('engels-tass');

let api: MessagesApi;
let workDir: string;
beforeAll(async () => {
  api = await startMessagesApi();
  api.setDefault((request) =>
    isComparisonRequest(request) ? comparisonFor(request) : { text: briefFromArticle(articleIn(request) ?? '') },
  );
  workDir = mkdtempSync(join(tmpdir(), 'sitrep-compare-'));
});
afterAll(async () => {
  await api.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** The installed entry point, run from the project folder so the inputs are given as a user types them. */
async function sitrep(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: workDir, SITREP_STORE: `sqlite://${join(workDir, 'store.sqlite')}`, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('sitrep compare', () => {
  it('groups inputs into stories and prints the contracted JSON, inputs as given', async () => {
    const { code, stdout } = await sitrep(['compare', ISPR, ENGELS, ...KASHMIR.slice(1), '--json']);
    expect(code).toBe(0);
    const { stories, ...rest } = JSON.parse(stdout);
    expect(rest).toEqual({});
    expect(stories).toHaveLength(2);
    const kashmir = stories.find((s: { members: unknown[] }) => s.members.length === 3);
    const engels = stories.find((s: { members: unknown[] }) => s.members.length === 1);
    expect(Object.keys(kashmir).sort()).toEqual(['coverage', 'members', 'points']);
    expect(kashmir.members.map((m: { input: string }) => m.input).sort()).toEqual([...KASHMIR].sort());
    expect(Object.keys(kashmir.members[0]).sort()).toEqual(['input', 'outlet', 'title']);
    expect(engels.members).toEqual([{ input: ENGELS, outlet: 'TASS', title: expect.stringContaining('Engels') }]);
    for (const point of kashmir.points) {
      expect(Object.keys(point).sort()).toEqual(['sides', 'status']);
      for (const side of point.sides)
        expect(Object.keys(side).sort()).toEqual(['claimant', 'input', 'quote', 'statement']);
    }
    // Pakistan's military and India's say different things about the same clash.
    const conflicts = kashmir.points.filter((p: { status: string }) => p.status === 'conflict');
    expect(
      conflicts.some((p: { sides: { input: string }[] }) => {
        const inputs = new Set(p.sides.map((s) => s.input));
        return inputs.has(ISPR) && inputs.has(PIB);
      }),
    ).toBe(true);
    expect(kashmir.coverage.countries).toEqual(expect.arrayContaining(['Pakistan', 'India']));
  });

  it('compares through the model when one is configured, its sides mapped back to the inputs', async () => {
    const { code, stdout } = await sitrep(['compare', ...KASHMIR, '--json'], {
      ANTHROPIC_API_KEY: TEST_API_KEY,
      ANTHROPIC_BASE_URL: api.url,
      SITREP_MODEL_MAX_RETRIES: '0',
    });
    expect(code).toBe(0);
    const [story] = JSON.parse(stdout).stories;
    expect(api.requests.filter(isComparisonRequest)).toHaveLength(1);
    expect(story.points[0].status).toBe('conflict');
    expect(story.points[0].sides.map((s: { input: string }) => s.input)).toEqual(KASHMIR);
  });

  it('prints conflicts first, then agreement, then one-side points, and the coverage, as Markdown', async () => {
    const { code, stdout } = await sitrep(['compare', ...KASHMIR]);
    expect(code).toBe(0);
    const order = ['## Where they conflict', '## Where they agree', '## What only one outlet reports', '## Coverage'];
    const at = order.map((heading) => stdout.indexOf(heading));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(stdout).toContain('**Inter-Services Public Relations**:');
  });

  it('refuses fewer than two inputs with one sentence and exit status 2, and names a refused input', async () => {
    const one = await sitrep(['compare', ISPR]);
    expect(one.code).toBe(2);
    expect(one.stderr.trim()).toBe('sitrep: Give between 2 and 20 URLs or files (see sitrep compare --help).');
    const refused = await sitrep(['compare', ISPR, 'http://127.0.0.1/private']);
    expect(refused.code).toBe(3);
    expect(refused.stderr.trim()).toMatch(/^sitrep: http:\/\/127\.0\.0\.1\/private: /);
  });
});
