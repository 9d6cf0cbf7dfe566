// CPU time of another process, for the API benches (api-ab.mjs, cpu-split.mjs). Linux only.
import { readFileSync } from 'node:fs';

/** CPU time (user + system) of a process so far, in µs (/proc/<pid>/stat, clock ticks of 10 ms). */
export function cpuUs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 1e4;
}
