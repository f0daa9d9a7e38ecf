import { createServer } from 'node:net';

/**
 * One series' value in Prometheus text exposition, e.g. `sample(text, 'sitrep_briefs_total', { door:
 * 'summarize', engine: 'anthropic', outcome: 'delivered' })`. Every label must match, none may be
 * missing or extra; undefined when no such series is exposed.
 */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = JSON.stringify(Object.entries(labels).sort());
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]);
    if (JSON.stringify(found.sort()) === wanted) return Number(match[3]);
  }
  return undefined;
}

/** Every metric name the text declares (its `# TYPE` lines). */
export function metricNames(text: string): string[] {
  return [...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1] as string);
}

/** Polls `probe` until it gives a value. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function health(base: string) {
  const res = await fetch(`${base}/healthz`);
  return { status: res.status, body: await res.text() };
}

export const scrape = async (base: string) => (await fetch(`${base}/metrics`)).text();

/** /healthz once it answers with the wanted HTTP status. */
export const healthBecomes = (base: string, status: number) =>
  waitFor(async () => {
    const answer = await health(base);
    return answer.status === status ? answer : undefined;
  }, `/healthz ${status}`);

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
