import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { createLogger } from '../logger.js';
import type { Health } from './health.js';
import { type MetricsServer, startMetricsServer } from './metrics-server.js';

const logger = createLogger('silent');
const servers: MetricsServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(health: Health, metrics = () => Promise.resolve({ contentType: 'text/plain', text: 'm 1\n' })) {
  const server = await startMetricsServer(
    { health: async () => health, metrics },
    { host: '127.0.0.1', port: 0 },
    logger,
  );
  servers.push(server);
  return { server, url: `http://127.0.0.1:${server.port}` };
}

describe('startMetricsServer', () => {
  it('answers /healthz 200 when healthy and 503 with the one-line reason when not', async () => {
    const healthy = await serve({ status: 'ok' });
    const ok = await fetch(`${healthy.url}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok' });
    const sick = await serve({ status: 'unhealthy', reason: 'gateway disconnected' });
    const bad = await fetch(`${sick.url}/healthz`);
    expect(bad.status).toBe(503);
    expect(bad.headers.get('content-type')).toBe('application/json');
    expect(await bad.text()).toBe('{"status":"unhealthy","reason":"gateway disconnected"}\n');
  });

  it('answers /metrics with the source text and content type, a query string ignored', async () => {
    const { url } = await serve({ status: 'ok' }, async () => ({
      contentType: 'text/plain; version=0.0.4',
      text: 'a 1\n',
    }));
    const res = await fetch(`${url}/metrics?name[]=a`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4');
    expect(await res.text()).toBe('a 1\n');
  });

  it('answers 404 to any other path or method, and 500 without detail when the source fails', async () => {
    const { url } = await serve({ status: 'ok' }, () => Promise.reject(new Error('registry broke at /secret')));
    expect((await fetch(`${url}/`)).status).toBe(404);
    expect((await fetch(`${url}/metrics/extra`)).status).toBe(404);
    expect((await fetch(`${url}/healthz`, { method: 'POST' })).status).toBe(404);
    const failed = await fetch(`${url}/metrics`);
    expect(failed.status).toBe(500);
    expect(await failed.text()).toBe('internal error\n');
  });

  it('binds the given address and reports the port it got', async () => {
    const { server } = await serve({ status: 'ok' });
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
  });

  it('says which setting to change when the port is taken', async () => {
    const { server } = await serve({ status: 'ok' });
    const clash = startMetricsServer(
      { health: async () => ({ status: 'ok' }), metrics: async () => ({ contentType: 'text/plain', text: '' }) },
      { host: '127.0.0.1', port: server.port },
      logger,
    );
    await expect(clash).rejects.toBeInstanceOf(UserError);
    await expect(clash).rejects.toThrow(/127\.0\.0\.1:\d+ \(EADDRINUSE\); set SITREP_METRICS_PORT/);
  });
});
