/**
 * What logging costs: (1) one log line through Nest's Logger inside a request context, (2) one HTTP
 * request with its request log line, against the same request with request lines off (level error).
 * CPU time per request (process.cpuUsage over the run / requests served) is less noisy than latency
 * on a shared machine; autocannon runs in this process, the same in both legs.
 * Logs go to stdout: run `node dist/tools/bench/logging.bench.js [lines|info|error] > /dev/null`
 * (all three when none is named; one leg per process keeps the legs independent); results on stderr.
 */
import 'reflect-metadata';
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

async function requestLeg(config: ServiceConfig, label: string): Promise<{ rps: number; cpuUsPerRequest: number }> {
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
  return { rps: result.requests.average, cpuUsPerRequest };
}

async function main(): Promise<void> {
  const keys = { JWT_SECRET: randomBytes(32).toString('base64url'), PII_KEY: randomBytes(32).toString('hex'), PII_HASH_KEY: randomBytes(32).toString('hex') };
  const base = loadConfig('workers', { ...process.env, ...keys });
  const config = { ...base, database: `cws_ecosystem_bench_${randomBytes(3).toString('hex')}`, port: 0, rateLimitPerMinute: 1_000_000_000 };
  const legs = process.argv[2] ? [process.argv[2]] : ['lines', 'info', 'error'];
  try {
    if (legs.includes('lines')) await linesLeg(config);
    if (legs.includes('info')) await requestLeg({ ...config, logLevel: 'info' }, 'requests, level info (request line)');
    if (legs.includes('error')) await requestLeg({ ...config, logLevel: 'error' }, 'requests, level error (no request line)');
  } finally {
    await dropDatabase(config);
  }
}

/** 1. Lines: the app's logger, as every service logs (context, request id from the async context). */
async function linesLeg(config: ServiceConfig): Promise<void> {
  const app = await createServiceApp(bareService({ ...config, logLevel: 'info' }));
  const logger = new Logger('Bench');
  const started = process.hrtime.bigint();
  requestContext.run({ requestId: 'bench-request-id' }, () => {
    for (let i = 0; i < LINES; i++) logger.log({ msg: 'request', method: 'GET', path: '/api/workers/v1/ping', status: 200, ms: i % 7 });
  });
  const ns = Number(process.hrtime.bigint() - started);
  await app.close();
  report(`log line: ${LINES} lines in ${(ns / 1e6).toFixed(0)} ms = ${(ns / LINES / 1000).toFixed(2)} µs/line`);
}

main().then(
  () => process.exit(0),
  (err) => {
    report(String(err instanceof Error ? err.stack : err));
    process.exit(1);
  },
);
