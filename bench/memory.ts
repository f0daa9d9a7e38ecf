/**
 * Resident memory of the built bot process after the stand-in has sent 1,000 guilds with their
 * channels and members, beside a bare discord.js bot with default caches (plain JavaScript, no
 * transpiler), each in its own process. Resident memory after start-up swings by several MB with
 * garbage-collection timing, so the 1,000-guild figure is the median of three rounds, each round
 * starting the two bots in turn against the same stand-in.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDiscordStandIn } from '../tests/stand-ins/discord/discord-stand-in.js';
import { BOT_TOKEN, type StandInGuild } from '../tests/stand-ins/discord/payloads.js';
import { startBareProcess, startSitrepProcess, stopProcess } from './bot-processes.js';
import { type BenchRow, median } from './stats.js';

const GUILDS = 1_000;
const ROUNDS = 3;

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

async function settledRss(child: ChildProcess): Promise<number> {
  try {
    await new Promise((r) => setTimeout(r, 3_000));
    return rssMb(child.pid as number);
  } finally {
    await stopProcess(child);
  }
}

/** Both bots, each in its own process, logged in to a stand-in serving these guilds; medians of the rounds. */
async function measureBoth(guilds: StandInGuild[], rounds: number) {
  const discord = await startDiscordStandIn({ guilds });
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-mem-'));
  try {
    const env = {
      DISCORD_TOKEN: BOT_TOKEN,
      DISCORD_API_URL: discord.apiUrl,
      SITREP_STORE: `sqlite://${join(dir, 's.sqlite')}`,
    };
    const sitrep: number[] = [];
    const bare: number[] = [];
    for (let round = 0; round < rounds; round++) {
      sitrep.push(await settledRss(await startSitrepProcess(env, dir)));
      bare.push(await settledRss(await startBareProcess(discord.apiUrl, BOT_TOKEN)));
    }
    return { sitrep: median(sitrep), bare: median(bare) };
  } finally {
    await discord.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runMemoryBenchmark(): Promise<BenchRow[]> {
  const guilds: StandInGuild[] = Array.from({ length: GUILDS }, (_, g) => ({
    id: String(1_600_000_000_000_000_000n + BigInt(g) * 1_000n),
    name: `guild ${g}`,
    channels: Array.from({ length: 20 }, (_, c) => ({
      id: String(1_700_000_000_000_000_000n + BigInt(g * 100 + c)),
      name: `channel-${c}`,
    })),
    extraMembers: 50,
  }));
  const one = await measureBoth(guilds.slice(0, 1), 1);
  const all = await measureBoth(guilds, ROUNDS);
  return [
    {
      figure: `resident memory after ${GUILDS} guilds (20 channels, 50 members each), MB, median of ${ROUNDS}`,
      sitrep: `${all.sitrep.toFixed(0)} (at 1 guild ${one.sitrep.toFixed(0)})`,
      reference: `bare discord.js, default caches: ${all.bare.toFixed(0)} (at 1 guild ${one.bare.toFixed(0)})`,
      goal: '≤ the bare bot',
      met: all.sitrep <= all.bare,
    },
  ];
}
