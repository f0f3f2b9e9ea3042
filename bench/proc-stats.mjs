// CPU accounting for the load benchmarks (Linux /proc), shared by bench/api.mjs and bench/api-postgres.mjs.
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
