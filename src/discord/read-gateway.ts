import { type Client, Status } from 'discord.js';
import type { GatewayShard } from '../metrics/gateway-shard.js';

/** This process's gateway connections, read from discord.js without side effects. */
export function readGateway(client: Client): GatewayShard[] {
  return client.ws.shards.map((shard) => ({
    id: shard.id,
    pingMs: shard.ping,
    connected: shard.status === Status.Ready,
  }));
}
