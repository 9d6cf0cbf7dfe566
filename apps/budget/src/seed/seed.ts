/**
 * Demo budget: fiscal years 2025 (CLOSED) and 2026 (OPEN); enacted appropriations for every
 * stream from the city and from each district; allocations to every community; household counts
 * and per-household standards. Idempotent: an appropriation already present (same year, funder,
 * stream and document number) is skipped together with its allocations.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { FUNDING_STREAMS, type FundingStream } from '@cws/budget-contracts';
import { formatMoney, yuan, type Fen } from '@cws/kernel';

export interface SeedCommunity {
  code: string;
  streetCode: string;
  districtCode: string;
  households: number;
}

/** Yuan per community and stream; the training fund is a smaller per-community share. */
const PER_COMMUNITY: Record<'CITY' | 'DISTRICT', Record<FundingStream, number>> = {
  CITY: { PARTY_BUILDING: 20_000, RESIDENTS_COMMITTEE: 40_000, SERVICE_STATION: 30_000, CO_BUILDING: 10_000, TRAINING: 3_000 },
  DISTRICT: { PARTY_BUILDING: 15_000, RESIDENTS_COMMITTEE: 30_000, SERVICE_STATION: 25_000, CO_BUILDING: 8_000, TRAINING: 2_000 },
};
/** An unallocated reserve kept at the funder level, per stream (yuan). */
const RESERVE: Record<'CITY' | 'DISTRICT', number> = { CITY: 200_000, DISTRICT: 50_000 };
/** Yuan per household per year, by stream (2026). */
export const DEMO_STANDARDS: Partial<Record<FundingStream, string>> = {
  PARTY_BUILDING: '10.00',
  RESIDENTS_COMMITTEE: '20.00',
  SERVICE_STATION: '15.00',
  CO_BUILDING: '5.00',
};

const SEED_CREATOR = { id: 'seed-finance', name: 'seed (finance)' };
const SEED_APPROVER = { id: 'seed-city-admin', name: 'seed (city admin)' };

export async function seedBudgetService(ds: DataSource, communities: SeedCommunity[]): Promise<{ appropriations: number; allocations: number }> {
  let appropriations = 0;
  let allocations = 0;
  await ds.transaction(async (m) => {
    await m.query(`INSERT IGNORE INTO fiscal_year (year, status, opened_at) VALUES (2025, 'OPEN', '2025-01-01 00:00:00.000'), (2026, 'OPEN', '2026-01-01 00:00:00.000')`);
    const districts = [...new Set(communities.map((c) => c.districtCode))].sort();
    for (const year of [2025, 2026]) {
      for (const funder of ['CITY', ...districts]) {
        const level = funder === 'CITY' ? 'CITY' : 'DISTRICT';
        const targets = communities.filter((c) => funder === 'CITY' || c.districtCode === funder);
        for (const [i, stream] of FUNDING_STREAMS.entries()) {
          const documentNo = funder === 'CITY' ? `杭财社〔${year}〕${i + 1}号` : `${funder}财预〔${year}〕${i + 1}号`;
          const exists = await m.query('SELECT id FROM appropriation WHERE fiscal_year = ? AND funder = ? AND stream = ? AND document_no = ?', [year, funder, stream, documentNo]);
          if (exists.length) continue;
          // 2025 at 95 % of 2026 (a year of growth)
          const perCommunity = (yuan(PER_COMMUNITY[level][stream]) * (year === 2025 ? 95n : 100n)) / 100n;
          const total = perCommunity * BigInt(targets.length) + yuan(RESERVE[level]);
          const apId = await appropriate(m, year, funder, stream, total, perCommunity * BigInt(targets.length), documentNo);
          appropriations++;
          for (const c of targets) {
            await allocate(m, apId, year, funder, stream, c, perCommunity);
            allocations++;
          }
        }
      }
    }
    await m.query(`UPDATE fiscal_year SET status = 'CLOSED', closed_at = '2026-01-31 00:00:00.000', closed_by = ? WHERE year = 2025 AND status = 'OPEN'`, [SEED_APPROVER.id]);
    for (const c of communities) {
      await m.query(
        `INSERT IGNORE INTO household_count (community_code, street_code, district_code, community_name, households, updated_at) VALUES (?, ?, ?, NULL, ?, NOW(3))`,
        [c.code, c.streetCode, c.districtCode, c.households],
      );
    }
    for (const [stream, perHousehold] of Object.entries(DEMO_STANDARDS)) {
      await m.query(`INSERT IGNORE INTO funding_standard (fiscal_year, stream, per_household, updated_at) VALUES (2026, ?, ?, NOW(3))`, [stream, perHousehold]);
    }
  });
  return { appropriations, allocations };
}

/** Yuan per community and pay stream for community workers' pay (社区工作者薪酬), 2026. */
export const DEMO_PAY_PER_COMMUNITY = 1_000_000;
const PAY_STREAMS: FundingStream[] = ['PARTY_BUILDING', 'RESIDENTS_COMMITTEE', 'SERVICE_STATION'];

/**
 * Demo pay money: each district's supplementary 2026 appropriation per pay stream (the streams the
 * payroll's COST_STREAM rows post to), allocated to its communities, so a paid demo payroll run's
 * cost postings book instead of parking as INSUFFICIENT_FUNDS. Idempotent by document number.
 */
export async function seedPayBudget(ds: DataSource, communities: SeedCommunity[]): Promise<{ appropriations: number; allocations: number }> {
  let appropriations = 0;
  let allocations = 0;
  await ds.transaction(async (m) => {
    for (const district of [...new Set(communities.map((c) => c.districtCode))].sort()) {
      const targets = communities.filter((c) => c.districtCode === district);
      for (const [i, stream] of PAY_STREAMS.entries()) {
        const documentNo = `${district}财预〔2026〕薪${i + 1}号`;
        const exists = await m.query('SELECT id FROM appropriation WHERE fiscal_year = 2026 AND funder = ? AND stream = ? AND document_no = ?', [district, stream, documentNo]);
        if (exists.length) continue;
        const per = yuan(DEMO_PAY_PER_COMMUNITY);
        const total = per * BigInt(targets.length);
        const apId = await appropriate(m, 2026, district, stream, total, total, documentNo, 'SUPPLEMENTARY', '社区工作者薪酬（演示数据）');
        appropriations++;
        for (const c of targets) {
          await allocate(m, apId, 2026, district, stream, c, per);
          allocations++;
        }
      }
    }
  });
  return { appropriations, allocations };
}

async function appropriate(
  m: EntityManager, year: number, funder: string, stream: string, amount: Fen, allocated: Fen, documentNo: string,
  kind: 'ORIGINAL' | 'SUPPLEMENTARY' = 'ORIGINAL', note = '年初预算（演示数据）',
): Promise<string> {
  const district = funder === 'CITY' ? null : funder;
  const res = await m.query(
    `INSERT INTO appropriation (fiscal_year, funder, district_code, stream, kind, amount, allocated, document_no, document_date, note, status,
       created_by, created_by_name, created_at, enacted_by, enacted_by_name, enacted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ENACTED', ?, ?, NOW(3), ?, ?, NOW(3))`,
    [year, funder, district, stream, kind, formatMoney(amount), formatMoney(allocated), documentNo, `${year}-01-15`, note, SEED_CREATOR.id, SEED_CREATOR.name, SEED_APPROVER.id, SEED_APPROVER.name],
  );
  const id = String(res.insertId);
  await m.query(
    `INSERT INTO ledger_entry (fiscal_year, funder, stream, district_code, entry_type, appropriation_id, d_appropriated, memo, created_by, created_at)
     VALUES (?, ?, ?, ?, 'APPROPRIATION', ?, ?, ?, ?, NOW(3))`,
    [year, funder, stream, district, id, formatMoney(amount), `${kind} ${documentNo}`, SEED_APPROVER.id],
  );
  return id;
}

async function allocate(m: EntityManager, apId: string, year: number, funder: string, stream: string, c: SeedCommunity, amount: Fen): Promise<void> {
  const res = await m.query(
    `INSERT INTO allocation (appropriation_id, fiscal_year, funder, stream, target_level, district_code, street_code, community_code, target_name,
       initial_amount, amount, committed, spent, note, created_by, created_by_name, created_at)
     VALUES (?, ?, ?, ?, 'COMMUNITY', ?, ?, ?, NULL, ?, ?, 0.00, 0.00, '年初分配（演示数据）', ?, ?, NOW(3))`,
    [apId, year, funder, stream, c.districtCode, c.streetCode, c.code, formatMoney(amount), formatMoney(amount), SEED_CREATOR.id, SEED_CREATOR.name],
  );
  await m.query(
    `INSERT INTO ledger_entry (fiscal_year, funder, stream, district_code, street_code, community_code, entry_type, appropriation_id, allocation_id,
       d_allocated, memo, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'ALLOCATION', ?, ?, ?, '年初分配', ?, NOW(3))`,
    [year, funder, stream, c.districtCode, c.streetCode, c.code, apId, String(res.insertId), formatMoney(amount), SEED_CREATOR.id],
  );
}

/** The demo city's 36 communities (3 districts × 3 streets × 4), with household counts like the workers seed. */
export function demoCommunities(): SeedCommunity[] {
  const out: SeedCommunity[] = [];
  for (const districtCode of ['330106', '330102', '330105']) {
    for (let si = 0; si < 3; si++) {
      const streetCode = districtCode + String(si + 1).padStart(3, '0');
      for (let ci = 0; ci < 4; ci++) {
        out.push({ code: streetCode + String(ci + 1).padStart(3, '0'), streetCode, districtCode, households: 1500 + ((ci * 733 + si * 211) % 3000) });
      }
    }
  }
  return out;
}
