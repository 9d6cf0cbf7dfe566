import { createServiceBaseTables, MESSAGING_ENTITIES, OutboxEventEntity, OutboxService } from '@cws/messaging';
import { dataSourceOptions, dropDatabase, migrate } from '@cws/persistence';
import { addAuditStreet, AuditLogEntity, AuditService, requestContext, withPlatformEntities, type AuditEntry } from '@cws/platform';
import { defineJob, type Principal } from '@cws/kernel';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { testConfig } from './test-app';

class BaseTables1000000000000 implements MigrationInterface {
  name = 'BaseTables1000000000000';
  async up(qr: QueryRunner): Promise<void> {
    await createServiceBaseTables(qr);
    await addAuditStreet(qr);
  }
  async down(): Promise<void> {}
}

const actor: Principal = { kind: 'user', id: 'u-1', name: 'hr', roles: ['DISTRICT_HR'], scope: { level: 'DISTRICT', district: '330106' }, permissions: [] };
const event = { queue: 'workers-events', name: 'worker.created' };

/** A row without the columns that differ between two writes of the same entry (id, time). */
const shape = ({ id: _id, occurredAt: _o, createdAt: _c, ...rest }: Record<string, unknown>) => rest;

// The bulk writers write exactly the rows their one-row siblings write, across chunk boundaries.
describe('AuditService.recordMany and OutboxService.addMany (real MySQL)', () => {
  const config = testConfig('workers');
  const entities = withPlatformEntities(MESSAGING_ENTITIES);
  let ds: DataSource;
  beforeAll(async () => {
    await migrate(config, entities, [BaseTables1000000000000]);
    ds = await new DataSource(dataSourceOptions(config, entities, [BaseTables1000000000000])).initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await dropDatabase(config);
  });

  it('recordMany writes one audit row per entry, shaped like record, in chunks of 1000', async () => {
    const audit = new AuditService(ds);
    const entries: AuditEntry[] = Array.from({ length: 2345 }, (_, i) => ({
      entity: 'worker', entityId: i + 1, action: 'IMPORT', after: { id: i + 1, n: `名${i}` },
      ...(i % 2 ? { districtCode: '330106' } : { streetCode: '330106001' }),
    }));
    await requestContext.run({ requestId: 'req-bulk' }, () => ds.transaction(async (m) => {
      await audit.recordMany(m, entries, actor);
      await audit.record(m, { ...entries[0], action: 'ONE' }, actor);
      await audit.record(m, { ...entries[1], action: 'ONE' }, actor);
    }));
    const rows = await ds.getRepository(AuditLogEntity).find({ order: { id: 'ASC' } });
    expect(rows).toHaveLength(2347);
    expect(rows.slice(0, 2345).map((r) => r.entityId)).toEqual(entries.map((e) => String(e.entityId)));
    const [one0, one1] = rows.slice(2345);
    expect(shape({ ...rows[0] })).toEqual(shape({ ...one0, action: 'IMPORT' }));
    expect(shape({ ...rows[1] })).toEqual(shape({ ...one1, action: 'IMPORT' }));
    expect(rows[0]).toMatchObject({ actorId: 'u-1', actorName: 'hr', requestId: 'req-bulk', districtCode: '330106', streetCode: '330106001', after: { id: 1, n: '名0' } });
    expect(rows[1]).toMatchObject({ districtCode: '330106', streetCode: null });
  });

  it('recordMany with no entries writes nothing', async () => {
    const before = await ds.getRepository(AuditLogEntity).count();
    await ds.transaction((m) => new AuditService(ds).recordMany(m, []));
    expect(await ds.getRepository(AuditLogEntity).count()).toBe(before);
  });

  it('addMany writes one pending outbox row per payload, shaped like add, and returns their ids in order', async () => {
    const outbox = new OutboxService();
    const payloads = Array.from({ length: 1500 }, (_, i) => ({ workerId: i + 1, districtCode: '330106' }));
    const { ids, single } = await requestContext.run({ requestId: 'req-out' }, () => ds.transaction(async (m) => ({
      ids: await outbox.addMany(m, event, payloads),
      single: await outbox.add(m, event, payloads[0]),
    })));
    expect(ids).toHaveLength(1500);
    const rows = await ds.getRepository(OutboxEventEntity).find({ order: { id: 'ASC' } });
    expect(rows.map((r) => r.id)).toEqual([...ids, single]);
    expect(rows.slice(0, 1500).map((r) => r.payload)).toEqual(payloads);
    expect(shape({ ...rows[0] })).toEqual(shape({ ...rows[1500] }));
    expect(rows[0]).toMatchObject({ queue: 'workers-events', jobName: 'worker.created', requestId: 'req-out', dispatchedAt: null, attempts: 0 });
    expect(await outbox.addMany(ds.manager, event, [])).toEqual([]);
  });

  it('add and addMany write an event with copies once per queue and return the ids of its rows on its own queue', async () => {
    const outbox = new OutboxService();
    const copied = defineJob<{ workerId: number }>('workers-events', 'worker.left', ['workers-events-scheduler']);
    const payloads = Array.from({ length: 700 }, (_, i) => ({ workerId: i + 1 }));
    const { ids, single } = await ds.transaction(async (m) => ({ ids: await outbox.addMany(m, copied, payloads), single: await outbox.add(m, copied, { workerId: 9999 }) }));
    const rows = await ds.getRepository(OutboxEventEntity).find({ where: { jobName: 'worker.left' }, order: { id: 'ASC' } });
    expect(rows).toHaveLength(1402);
    // in id order: each event's row on its queue, then its copy (700 events: two multi-row INSERTs of 1,000 rows and 400)
    expect(rows.map((r) => [r.queue, (r.payload as { workerId: number }).workerId])).toEqual(
      [...payloads, { workerId: 9999 }].flatMap((p) => [['workers-events', p.workerId], ['workers-events-scheduler', p.workerId]]),
    );
    expect([...ids, single]).toEqual(rows.filter((r) => r.queue === 'workers-events').map((r) => r.id));
  });
});
