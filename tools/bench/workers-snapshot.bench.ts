/**
 * Snapshot benchmark: seeds a throwaway schema with N workers (default 100,000), then pulls the
 * whole workforce as of a date through GET /api/workers/v1/snapshots in 5000-row keyset pages,
 * as payroll does. Prints JSON figures. Build and run:
 *   npx swc tools/bench apps libs -d dist --config-file .swcrc -q
 *   node dist/tools/bench/workers-snapshot.bench.js [workers]
 */
import 'reflect-metadata';
import os from 'node:os';
import { PiiCipher } from '@cws/persistence';
import { startTestApp, testConfig, testPrincipals } from '@cws/testing';
import { DataSource } from 'typeorm';
import { seedWorkersService } from '../../apps/workers/src/seed/seed';
import { workersService } from '../../apps/workers/src/workers.definition';

async function main(): Promise<void> {
  const workers = Number(process.argv[2] ?? 100_000);
  const t = await startTestApp(workersService, testConfig('workers'));
  try {
    const ds = t.app.get(DataSource);
    const cipher = t.app.get(PiiCipher);
    let started = Date.now();
    const seeded = await seedWorkersService(ds, cipher, { password: 'Bench@2026', workers });
    const seedMs = Date.now() - started;
    const token = t.tokenFor(testPrincipals.client(['payroll:read']));
    const runs: Array<{ ms: number; pages: number; rows: number }> = [];
    for (let run = 0; run < 3; run++) {
      started = Date.now();
      let after = '';
      let pages = 0;
      let rows = 0;
      for (;;) {
        const res = await t.request('GET', `/v1/snapshots?asOf=2025-06-30&limit=5000${after ? `&after=${after}` : ''}`, { token });
        if (res.status !== 200) throw new Error(`snapshot page failed: ${res.status} ${JSON.stringify(res.body)}`);
        pages++;
        rows += res.body.items.length;
        if (!res.body.nextAfter) break;
        after = res.body.nextAfter;
      }
      runs.push({ ms: Date.now() - started, pages, rows });
    }
    console.log(JSON.stringify({
      bench: 'workers-snapshot', date: new Date().toISOString(), cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version,
      workers, communities: seeded.communities, seedMs, runs,
    }, null, 2));
  } finally {
    await t.close();
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
