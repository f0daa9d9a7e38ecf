import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UserError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Health } from './health.js';

/** Where the answers come from: this process, or (with --shards auto) every shard process. */
export interface MetricsSource {
  health(): Promise<Health>;
  metrics(): Promise<{ contentType: string; text: string }>;
}

export interface MetricsServer {
  host: string;
  port: number;
  close(): Promise<void>;
}

/** Probes and scrapers send a few hundred bytes at once; a client slower than this loses its socket. */
const REQUEST_TIMEOUT_MS = 10_000;

function answer(res: ServerResponse, status: number, contentType: string, body: string) {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
}

/**
 * `GET /healthz` (200, or 503 with a one-line JSON reason) and `GET /metrics` (Prometheus text); any
 * other method or path is 404. A plain node:http server: two routes need no framework.
 */
export async function startMetricsServer(
  source: MetricsSource,
  where: { host: string; port: number },
  logger: Logger,
): Promise<MetricsServer> {
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    try {
      if (req.method === 'GET' && path === '/healthz') {
        const health = await source.health();
        return answer(res, health.status === 'ok' ? 200 : 503, 'application/json', `${JSON.stringify(health)}\n`);
      }
      if (req.method === 'GET' && path === '/metrics') {
        const { contentType, text } = await source.metrics();
        return answer(res, 200, contentType, text);
      }
      answer(res, 404, 'text/plain; charset=utf-8', 'not found\n');
    } catch (error) {
      logger.error({ err: error, path }, 'health or metrics request failed');
      answer(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
    }
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = REQUEST_TIMEOUT_MS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new UserError(
          'NOT_CONFIGURED',
          `Cannot serve /healthz and /metrics on ${where.host}:${where.port} (${error.code ?? error.message}); set SITREP_METRICS_PORT to a free port or SITREP_METRICS_HOST to an address of this machine.`,
          { cause: error },
        ),
      ),
    );
    server.listen(where.port, where.host, () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  logger.info({ host: address, port }, 'serving /healthz and /metrics');
  return {
    host: address,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
