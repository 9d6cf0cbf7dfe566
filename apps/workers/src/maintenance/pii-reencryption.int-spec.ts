import { randomBytes } from 'node:crypto';
import { PiiCipher } from '@cws/persistence';
import { startTestApp, testConfig, testPrincipals, type TestApp } from '@cws/testing';
import { DataSource } from 'typeorm';
import { seedWorkersService } from '../seed/seed';
import { workersService } from '../workers.definition';

describe('PII key rotation: the re-encryption job (real MySQL and Redis)', () => {
  let t: TestApp;
  let ds: DataSource;
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);

  beforeAll(async () => {
    // the service runs on the new key with the old one retired; the data was written under the old one
    t = await startTestApp(workersService, testConfig('workers', { piiKeyId: 'k-new', piiKey: newKey, piiOldKeys: { 'k-old': oldKey } }));
    ds = t.app.get(DataSource);
    await seedWorkersService(ds, new PiiCipher('k-old', oldKey, t.config.piiHashKey), { password: 'Test@2026', workers: 40 });
  });
  afterAll(() => t?.close());

  it('moves every value to the current key, keeps it readable, and leaves the old key unneeded', async () => {
    const admin = t.tokenFor(testPrincipals.cityAdmin());
    const oldCipher = new PiiCipher('k-old', oldKey, t.config.piiHashKey);
    const before: Array<{ id: number; rid: string; bank: string | null }> = await ds.query('SELECT id, resident_id_enc AS rid, bank_account_enc AS bank FROM worker ORDER BY id');
    const plain = new Map(before.map((r) => [Number(r.id), { rid: oldCipher.decrypt(r.rid), bank: r.bank ? oldCipher.decrypt(r.bank) : null }]));
    const usage = await t.request('GET', '/v1/maintenance/pii-keys', { token: admin });
    expect(usage.status).toBe(200);
    expect(usage.body.columns.find((c: { column: string; table: string }) => c.table === 'worker' && c.column === 'resident_id_enc').remaining).toBe(40);

    let remaining = Infinity;
    for (let i = 0; i < 60 && remaining > 0; i++) {
      expect((await t.request('POST', '/v1/maintenance/pii-keys/reencryption', { token: admin })).status).toBe(202);
      await new Promise((r) => setTimeout(r, 500));
      const now = await t.request('GET', '/v1/maintenance/pii-keys', { token: admin });
      remaining = now.body.columns.reduce((s: number, c: { remaining: number }) => s + c.remaining, 0);
    }
    expect(remaining).toBe(0);

    // readable with the new key alone: the old one can be dropped from PII_OLD_KEYS
    const newOnly = new PiiCipher('k-new', newKey, t.config.piiHashKey);
    const after: Array<{ id: number; rid: string; bank: string | null }> = await ds.query('SELECT id, resident_id_enc AS rid, bank_account_enc AS bank FROM worker ORDER BY id');
    for (const r of after) {
      expect(r.rid.startsWith('k-new:')).toBe(true);
      expect(newOnly.decrypt(r.rid)).toBe(plain.get(Number(r.id))!.rid);
      if (r.bank) expect(newOnly.decrypt(r.bank)).toBe(plain.get(Number(r.id))!.bank);
    }
    // the audited show action still answers
    const pii = await t.request('GET', `/v1/workers/${after[0].id}/pii`, { token: admin });
    expect(pii.body.residentId).toBe(plain.get(Number(after[0].id))!.rid);
    const [audit] = await ds.query(`SELECT action FROM audit_log WHERE entity = 'pii_key' ORDER BY id DESC LIMIT 1`);
    expect(audit.action).toBe('REENCRYPT');
    // only a city administrator may start or read it
    expect((await t.request('POST', '/v1/maintenance/pii-keys/reencryption', { token: t.tokenFor(testPrincipals.districtHr('330106')) })).status).toBe(403);
  });
});
