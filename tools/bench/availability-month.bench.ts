/**
 * Month availability benchmark: seeds a throwaway schema with N workers (default 20,000), then reads a month of
 * availability (GET /api/workers/v1/availability/month, as the scheduler does once per centre-month) for the first
 * C communities (default 200), one after another, three passes. Prints JSON figures. Build and run:
 *   npx swc tools/bench apps libs -d dist --config-file .swcrc -q
 *   node dist/tools/bench/availability-month.bench.js [workers] [communities]
 */
import 'reflect-metadata';
import os from 'node:os';
import { PiiCipher } from '@cws/persistence';
import { startTestApp, testConfig, testPrincipals } from '@cws/testing';
import { DataSource } from 'typeorm';
import { seedWorkersService } from '../../apps/workers/src/seed/seed';
import { workersService } from '../../apps/workers/src/workers.definition';

async function main(): Promise<void> {
  const workers = Number(process.argv[2] ?? 20_000);
  const wanted = Number(process.argv[3] ?? 200);
  const t = await startTestApp(workersService, testConfig('workers', { rateLimitPerMinute: 1_000_000 }));
  try {
    const ds = t.app.get(DataSource);
    const seeded = await seedWorkersService(ds, t.app.get(PiiCipher), { password: 'Bench@2026', workers });
    const communities: string[] = (await ds.query('SELECT c.code FROM community c WHERE EXISTS (SELECT 1 FROM worker w WHERE w.community_code = c.code) ORDER BY c.code LIMIT ?', [wanted]))
      .map((r: { code: string }) => r.code);
    const token = t.tokenFor(testPrincipals.client(['scheduler:read']));
    const runs: Array<{ ms: number; centres: number; workerMonths: number }> = [];
    for (let run = 0; run < 3; run++) {
      const started = Date.now();
      let workerMonths = 0;
      for (const code of communities) {
        const res = await t.request('GET', `/v1/availability/month?community=${code}&month=2026-03`, { token });
        if (res.status !== 200) throw new Error(`availability failed: ${res.status} ${JSON.stringify(res.body)}`);
        workerMonths += res.body.workers.length;
      }
      runs.push({ ms: Date.now() - started, centres: communities.length, workerMonths });
    }
    console.log(JSON.stringify({
      bench: 'availability-month', date: new Date().toISOString(), cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version,
      workers, communities: seeded.communities, runs,
    }));
  } finally {
    await t.close();
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
