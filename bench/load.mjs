// Load and CPU accounting for the HTTP benchmarks, shared by bench/api.mjs and bench/api-postgres.mjs.
import { readFileSync } from 'node:fs';

/** CPU milliseconds the whole machine spent busy so far (Linux /proc/stat, 100 ticks a second). */
export function machineBusyMs() {
  try {
    const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    return (ticks.reduce((a, b) => a + b, 0) - ticks[3] - ticks[4]) * 10;
  } catch {
    return NaN;
  }
}

/** CPU milliseconds process `pid` used so far (user + system). */
export function cpuOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

export const percentile = (xs, p) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** `connections` loops hitting `request(k, n)` (true when answered as expected) for `seconds`; latencies in ms. */
export async function load(seconds, connections, request) {
  const latencies = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, k) => {
      for (let n = 0; Date.now() < until; n++) {
        const t0 = performance.now();
        const ok = await request(k, n);
        latencies.push(performance.now() - t0);
        if (!ok) errors += 1;
      }
    }),
  );
  return {
    count: latencies.length,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    errors,
  };
}
