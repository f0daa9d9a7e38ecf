import { type ShardAnswer, ShardAnswerSchema, type ShardAsk } from './shard-messages.js';

/** What the manager needs of a discord.js Shard: its process, and messages both ways. */
export interface ShardLike {
  process: unknown;
  send(message: ShardAsk): Promise<unknown>;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

let lastAsk = 0;

/** Asks one shard process for its health or metrics; rejects when it does not answer in time. */
export function askShard(shard: ShardLike, what: ShardAsk['what'], timeoutMs: number): Promise<ShardAnswer> {
  const id = ++lastAsk;
  return new Promise((resolve, reject) => {
    const finish = () => {
      clearTimeout(timer);
      shard.off('message', listen);
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    function listen(message: unknown) {
      // Every message from the shard passes here; only ours, with this id, is parsed.
      if ((message as { sitrepAnswer?: unknown } | null)?.sitrepAnswer !== id) return;
      finish();
      const answer = ShardAnswerSchema.safeParse(message);
      if (answer.success) resolve(answer.data);
      else reject(new Error('malformed answer'));
    }
    shard.on('message', listen);
    shard.send({ sitrepAsk: id, what }).catch((error: unknown) => {
      finish();
      reject(error);
    });
  });
}
