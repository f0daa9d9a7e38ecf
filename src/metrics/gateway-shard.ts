/** One gateway connection of this process, as health and metrics see it. */
export interface GatewayShard {
  id: number;
  /** Heartbeat round trip; negative until the first heartbeat is acknowledged. */
  pingMs: number;
  connected: boolean;
}
