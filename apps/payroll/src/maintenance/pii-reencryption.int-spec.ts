import { randomBytes } from 'node:crypto';
import { bullConnection, JobProducer } from '@cws/messaging';
import { ReencryptPayrollPiiJob } from '@cws/payroll-contracts';
import { PiiCipher } from '@cws/persistence';
import { startTestApp, testConfig, type TestApp } from '@cws/testing';
import { QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';
import { payrollService } from '../payroll.definition';

describe('PII key rotation in the payroll schema: payslip bank accounts (real MySQL and Redis)', () => {
  let t: TestApp;
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  beforeAll(async () => {
    t = await startTestApp(payrollService, testConfig('payroll', { piiKeyId: 'k-new', piiKey: newKey, piiOldKeys: { 'k-old': oldKey } }));
  });
  afterAll(() => t?.close());

  it('re-encrypts every payslip bank account under the current key, readable without the old one', async () => {
    const ds = t.app.get(DataSource);
    const old = new PiiCipher('k-old', oldKey, t.config.piiHashKey);
    const accounts = ['6225768888888888', '4111111111111111', '6222020200112233445'];
    for (const [i, account] of accounts.entries()) {
      await ds.query(
        `INSERT INTO payslip (run_id, worker_id, period, generation, chunk_no, district_code, street_code, community_code, worker_name, bank_account, status, payer, computed_at)
         VALUES (1, ?, '2026-01', 1, 0, '330106', '330106001', '330106001001', '测试', ?, 'OK', 'HOME', UTC_TIMESTAMP(3))`,
        [i + 1, old.encrypt(account)],
      );
    }
    const events = new QueueEvents(ReencryptPayrollPiiJob.queue, { connection: bullConnection(t.config.redisUrl), prefix: t.config.queuePrefix });
    await events.waitUntilReady();
    const job = await t.app.get(JobProducer).enqueue(ReencryptPayrollPiiJob, { batchSize: 2 }, { jobId: 'test-rotation' });
    const result = await job.waitUntilFinished(events, 30_000);
    await events.close();
    // the start-up run (old keys are configured) may have taken some rows first: together, all three
    expect(result.byColumn['payslip.bank_account']).toBeLessThanOrEqual(3);
    const newOnly = new PiiCipher('k-new', newKey, t.config.piiHashKey);
    const rows: Array<{ bank: string }> = await ds.query('SELECT bank_account AS bank FROM payslip ORDER BY worker_id');
    expect(rows.map((r) => r.bank.split(':')[0])).toEqual(['k-new', 'k-new', 'k-new']);
    expect(rows.map((r) => newOnly.decrypt(r.bank))).toEqual(accounts);
  });
});
