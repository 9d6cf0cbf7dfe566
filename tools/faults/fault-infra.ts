/**
 * Real processes for the fault scenarios (`npm run test:faults`): a throwaway Redis and MariaDB of
 * the test's own, so killing and restarting them never touches the machine's shared servers on
 * 3306/6379, and the services as compiled child processes (`main.js`), killed and restarted like
 * in production. Nothing here is mocked.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';

export const root = path.resolve(__dirname, '../..');
const live = new Set<ChildProcess>();
// A crashed test run must not leave a Redis or MariaDB behind.
process.on('exit', () => {
  for (const c of live) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A directory for the services' logs of one test file (removed by the caller). */
export const logDir = (): string => mkdtempSync(path.join(tmpdir(), 'cws-fault-logs-'));

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns a value other than undefined (errors count as "not yet"). */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 120_000, everyMs = 50): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    await sleep(everyMs);
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
}

function track(child: ChildProcess): ChildProcess {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

async function stopChild(child: ChildProcess | null, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

/** A redis-server on its own port and directory, with AOF on as in production (docker/compose.yaml). */
export class ThrowawayRedis {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'cws-fault-redis-'));
  private child: ChildProcess | null = null;
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port ||= await freePort();
    this.child = track(spawn('redis-server', [
      '--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', 'yes', '--maxmemory-policy', 'noeviction', '--save', '',
    ], { stdio: 'ignore' }));
    await waitFor('redis to answer PING', async () => {
      const r = spawnSync('redis-cli', ['-p', String(this.port), 'ping'], { encoding: 'utf8' });
      return r.stdout.trim() === 'PONG' ? true : undefined;
    }, 30_000);
  }

  /** SIGTERM is what `docker restart` sends: Redis fsyncs the AOF and exits. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await stopChild(this.child, signal);
  }

  async destroy(): Promise<void> {
    await this.stop('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A mariadbd on its own port, socket and data directory (made by mariadb-install-db, ~5 s). */
export class ThrowawayMariaDb {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'cws-fault-mariadb-'));
  private child: ChildProcess | null = null;
  port = 0;

  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port ||= await freePort();
    const data = path.join(this.dir, 'data');
    if (!this.installed) {
      const user = process.getuid?.() === 0 ? ['--user=root'] : [];
      const r = spawnSync('mariadb-install-db', ['--no-defaults', `--datadir=${data}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...user], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`mariadb-install-db failed: ${r.stderr}`);
      this.installed = true;
    }
    const user = process.getuid?.() === 0 ? ['--user=root'] : [];
    this.child = track(spawn('mariadbd', [
      '--no-defaults', `--datadir=${data}`, `--port=${this.port}`, '--bind-address=127.0.0.1', `--socket=${path.join(this.dir, 'mysqld.sock')}`,
      `--pid-file=${path.join(this.dir, 'mysqld.pid')}`, '--skip-log-bin', '--innodb-buffer-pool-size=128M', '--max-connections=500', ...user,
    ], { stdio: ['ignore', 'ignore', 'ignore'] }));
    await waitFor('mariadbd to accept connections', async () => {
      const r = spawnSync('mariadb-admin', ['--no-defaults', '-h127.0.0.1', `-P${this.port}`, '-uroot', 'status'], { encoding: 'utf8' });
      return r.status === 0 ? true : undefined;
    }, 60_000, 100);
  }

  private installed = false;

  /** SIGKILL is a crash: InnoDB recovers committed transactions and rolls back the rest at the next start. */
  async stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await stopChild(this.child, signal);
  }

  async destroy(): Promise<void> {
    await this.stop('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Compiles the services once (swc, a few seconds) into a throwaway dist directory. */
export function compileServices(): string {
  const build = path.join(root, `dist/faults-${randomBytes(3).toString('hex')}`);
  const r = spawnSync('npx', ['swc', 'apps/workers/src', 'apps/payroll/src', 'apps/budget/src', 'libs', '-d', build, '--config-file', '.swcrc', '-q', '--ignore', '**/*.spec.ts,**/*.int-spec.ts'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('could not compile the services');
  return build;
}

/** Runs SQL on a throwaway server with a fresh connection per call: the server may have restarted since the last one. */
export function sqlOn(maria: ThrowawayMariaDb, database: string) {
  return async (query: string, params: unknown[] = []): Promise<any[]> => {
    const conn = await createConnection({ host: '127.0.0.1', port: maria.port, user: 'root', database, supportBigNumbers: true, bigNumberStrings: true });
    try {
      return (await conn.query(query, params))[0] as any[];
    } finally {
      await conn.end();
    }
  };
}

/**
 * One service as a real child process on a fixed port, so a restarted process is found at the
 * same URL. Its stderr (error-level JSON logs) goes to `<logDir>/<service>.log`, summarised by
 * `logSummary` for the test's report.
 */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  port = 0;
  build = '';

  constructor(
    readonly service: 'workers' | 'payroll' | 'budget',
    private readonly env: () => Record<string, string>,
    private readonly logDir: string,
  ) {}

  get logFile(): string {
    return path.join(this.logDir, `${this.service}.log`);
  }

  /** Log lines grouped by message, numbers and ports blanked: what the service said while it was disturbed. */
  logSummary(): string {
    if (!existsSync(this.logFile)) return `${this.service}: no log lines`;
    const counts = new Map<string, number>();
    // one entry per JSON log line or per first line of a printed error (stack frames and object bodies skipped)
    for (const line of readFileSync(this.logFile, 'utf8').split('\n').filter((l) => l && !/^\s|^[}\]]/.test(l))) {
      let msg = line;
      try {
        const j = JSON.parse(line) as { msg?: string; message?: string; error?: string; err?: { message?: string } };
        msg = [j.msg ?? j.message, j.error ?? j.err?.message].filter(Boolean).join(': ');
      } catch {
        /* a plain line */
      }
      const key = msg.replace(/\d+/g, 'N').slice(0, 140);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, n]) => `  ${n} × ${k}`);
    return `${this.service}: ${[...counts.values()].reduce((a, b) => a + b, 0)} log lines\n${top.join('\n')}`;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get base(): string {
    return `${this.origin}/api/${this.service}`;
  }

  async start(): Promise<void> {
    this.port ||= await freePort();
    const env = { ...this.env(), [`${this.service.toUpperCase()}_PORT`]: String(this.port) };
    const log = openSync(this.logFile, 'a');
    const child = track(spawn(process.execPath, [path.join(this.build, `apps/${this.service}/src/main.js`)], { env, stdio: ['ignore', 'ignore', log] }));
    closeSync(log);
    this.child = child;
    await waitFor(`${this.service} to be healthy`, async () => {
      if (child.exitCode !== null) throw new Error(`${this.service} exited with ${child.exitCode}`);
      const r = await fetch(`${this.base}/health`);
      return r.ok ? true : undefined;
    }, 120_000, 100);
  }

  async stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await stopChild(this.child, signal);
  }
}
