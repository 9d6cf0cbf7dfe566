import { startTestApp, testConfig, usingApp } from '@cws/testing';
import { budgetService } from '@cws/budget-testing';
import { DataSource } from 'typeorm';
import { LedgerEntryRepository } from './ledger-entry.repository';

// A city's MySQL often runs on China time, while the driver writes and reads every JS Date as UTC ('Z'). The
// database's own stamps must be UTC too, or the daily close's windows (JS Dates) miss eight hours of entries.
describe('the database clock on a server in another time zone (real MySQL)', () => {
  const app = usingApp(() => startTestApp(budgetService, testConfig('budget')));

  it('stamps a ledger entry in UTC, so the close window around now finds it on a session at +08:00', async () => {
    const qr = app.t.app.get(DataSource).createQueryRunner();
    try {
      await qr.query("SET time_zone = '+08:00'");
      // eslint-disable-next-line no-restricted-syntax -- the server's clock on purpose: what the old stamps were
      const [{ hours }] = await qr.query('SELECT TIMESTAMPDIFF(HOUR, UTC_TIMESTAMP(3), NOW(3)) AS hours');
      expect(Number(hours)).toBe(8); // what NOW(3) stamped here before
      const ledger = app.t.app.get(LedgerEntryRepository);
      const from = new Date(Date.now() - 60_000);
      await ledger.insert(qr.manager, {
        fiscalYear: 2026, funder: 'CITY', stream: 'PARTY_BUILDING', districtCode: null, streetCode: null, communityCode: null,
        entryType: 'APPROPRIATION', appropriated: 100n, createdBy: 'clock-spec',
      });
      const to = new Date(Date.now() + 60_000);
      expect((await ledger.writtenBetween(qr.manager, from, to)).entries).toBe(1);
      const [{ createdAt }] = await qr.query("SELECT CAST(created_at AS CHAR) AS createdAt FROM ledger_entry WHERE created_by = 'clock-spec'");
      expect(Math.abs(new Date(`${createdAt.replace(' ', 'T')}Z`).getTime() - Date.now())).toBeLessThan(60_000);
    } finally {
      await qr.query('SET time_zone = @@global.time_zone');
      await qr.release();
    }
  });
});
