/**
 * What logging costs: (1) one log line through Nest's Logger inside a request context, (2) one HTTP
 * request with its request log line, against the same request with request lines off (level error).
 * CPU time per request (process.cpuUsage over the run / requests served) is less noisy than latency
 * on a shared machine; autocannon runs in this process, the same in both legs.
 * `node dist/tools/bench/logging.bench.js [lines|info|error] > /dev/null` runs one leg (its logs on
 * stdout, results on stderr); with no leg (npm run bench) it runs each in its own process, logs discarded.
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Controller, Get, Logger, Module } from '@nestjs/common';
import autocannon from 'autocannon';
import { createServiceApp, loadConfig, PlatformModule, Public, requestContext, type ServiceConfig, type ServiceDefinition } from '@cws/platform';
import { dropDatabase } from '@cws/persistence';

@Controller('v1/ping')
class PingController {
  @Public()
  @Get()
  ping(): { ok: boolean } {
    return { ok: true };
  }
}

function bareService(config: ServiceConfig): ServiceDefinition {
  @Module({ imports: [PlatformModule.forRoot(config, { entities: [], migrations: [] })], controllers: [PingController] })
  class BenchModule {}
  return { config, module: BenchModule, title: 'bench', description: 'bench', entities: [], migrations: [] };
}

const report = (line: string) => process.stderr.write(line + '\n');
const LINES = Number(process.env.LOG_BENCH_LINES ?? 200_000);
const SECONDS = Number(process.env.LOG_BENCH_SECONDS ?? 8);

/** 2. Requests on a trivial route, with (level info) and without (level error) their request line. */

async function requestLeg(config: ServiceConfig, label: string): Promise<void> {
  const app = await createServiceApp(bareService(config));
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/api/workers/v1/ping`;
  await autocannon({ url, connections: 10, duration: 2 }); // warm-up
  const cpu = process.cpuUsage();
  const result = await autocannon({ url, connections: 10, duration: SECONDS });
  const used = process.cpuUsage(cpu);
  await app.close();
  const served = result.requests.total;
  const cpuUsPerRequest = (used.user + used.system) / served;
  report(`${label}: ${served} requests, ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, CPU ${cpuUsPerRequest.toFixed(1)} µs/request, non-2xx ${result.non2xx}`);
}

async function main(): Promise<void> {
  const keys = { JWT_SECRET: randomBytes(32).toString('base64url'), PII_KEY: randomBytes(32).toString('hex'), PII_HASH_KEY: randomBytes(32).toString('hex') };
  const base = loadConfig('workers', { ...process.env, ...keys });
  const config = { ...base, database: `cws_bench_logging_${randomBytes(3).toString('hex')}`, port: 0, rateLimitPerMinute: 1_000_000_000 };
  if (!process.argv[2]) {
    for (const leg of ['lines', 'info', 'error']) {
      const run = spawnSync(process.execPath, [__filename, leg], { stdio: ['ignore', 'ignore', 'inherit'] });
      if (run.status !== 0) throw new Error(`leg ${leg} failed`);
    }
    return;
  }
  const leg = process.argv[2];
  try {
    if (leg === 'lines') await linesLeg(config);
    else if (leg === 'info') await requestLeg({ ...config, logLevel: 'info' }, 'requests, level info (request line)');
    else if (leg === 'error') await requestLeg({ ...config, logLevel: 'error' }, 'requests, level error (no request line)');
    else throw new Error(`unknown leg ${leg}: lines, info or error`);
  } finally {
    await dropDatabase(config);
  }
}

/**
 * 1. Lines: the app's logger, as every service logs (context, request id from the async context).
 * CPU time per line, median of 40 batches of 5,000 after 3 warm-up batches.
 */
async function linesLeg(config: ServiceConfig): Promise<void> {
  const app = await createServiceApp(bareService({ ...config, logLevel: 'info' }));
  const logger = new Logger('Bench');
  const perLine: number[] = [];
  const batch = Math.max(1, Math.round(LINES / 40));
  for (let round = 0; round < 43; round++) {
    const cpu = process.cpuUsage();
    requestContext.run({ requestId: 'bench-request-id' }, () => {
      for (let i = 0; i < batch; i++) logger.log({ msg: 'pruned refresh tokens', deleted: i % 7 });
    });
    const used = process.cpuUsage(cpu);
    if (round >= 3) perLine.push((used.user + used.system) / batch);
  }
  await app.close();
  perLine.sort((a, b) => a - b);
  report(`log line: median ${perLine[20].toFixed(2)} µs CPU/line (min ${perLine[0].toFixed(2)}, p90 ${perLine[36].toFixed(2)}), ${batch * 40} lines`);
}

main().then(
  () => process.exit(0),
  (err) => {
    report(String(err instanceof Error ? err.stack : err));
    process.exit(1);
  },
);
