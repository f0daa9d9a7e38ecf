import { type Client, Status } from 'discord.js';

/** One gateway connection of this process, as health and metrics see it. */
export interface GatewayShard {
  id: number;
  /** Heartbeat round trip; negative until the first heartbeat is acknowledged. */
  pingMs: number;
  connected: boolean;
}

/** This process's gateway connections, read from discord.js without side effects. */
export function readGateway(client: Client): GatewayShard[] {
  return client.ws.shards.map((shard) => ({
    id: shard.id,
    pingMs: shard.ping,
    connected: shard.status === Status.Ready,
  }));
}
