/** Runs `work`, tells `report` how long it took and whether it succeeded, and passes its result or error on. */
export async function timed<T>(work: () => Promise<T>, report: (ms: number, ok: boolean) => void): Promise<T> {
  const started = performance.now();
  try {
    const value = await work();
    report(performance.now() - started, true);
    return value;
  } catch (error) {
    report(performance.now() - started, false);
    throw error;
  }
}
