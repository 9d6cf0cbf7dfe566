/**
 * Cluster mode: `<SERVICE>_PROCESSES` (or `CWS_PROCESSES` for all) forks that many processes of a
 * service on one port (node:cluster shares the listening socket). Default 1: one process, no cluster.
 * Safe to run side by side because each process is a full instance: outbox relays SKIP LOCKED rows,
 * BullMQ workers share their queues, tokens and revocations are checked statelessly or in Redis.
 * Rate limits are per process until they live in Redis (issue 13).
 */
import cluster from 'node:cluster';
import type { ServiceName } from './config';

export const MAX_PROCESSES = 16;

/** How many processes to run; throws on anything but an integer 1..16. */
export function processCount(service: ServiceName, env: NodeJS.ProcessEnv = process.env): number {
  const name = `${service.toUpperCase()}_PROCESSES`;
  const raw = env[name] ?? env.CWS_PROCESSES;
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PROCESSES) {
    throw new Error(`${env[name] !== undefined ? name : 'CWS_PROCESSES'} must be an integer from 1 to ${MAX_PROCESSES}, got "${raw}"`);
  }
  return n;
}

/** In the primary: forks the processes (migrations already run), replaces any that dies unexpectedly, passes SIGTERM/SIGINT on. */
export function superviseProcesses(count: number, log: (msg: string) => void): void {
  let stopping = false;
  const fork = () => cluster.fork({ RUN_MIGRATIONS: 'false' });
  for (let i = 0; i < count; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
      return;
    }
    log(`process ${worker.process.pid} exited (${code ?? signal}); starting another`);
    fork();
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
    });
  }
}
