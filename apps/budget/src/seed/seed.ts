/**
 * Demo budget: the year before the demo's year (CLOSED) and its year (OPEN) — 2025 and 2026, or the current year
 * and the one before for the demo `npm start` seeds; enacted appropriations for every
 * stream from the city and from each district; allocations to every community; household counts
 * and per-household standards. Idempotent: an appropriation already present (same year, funder,
 * stream and document number) is skipped together with its allocations.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { FUNDING_STREAMS, type FundingStream } from '@cws/budget-contracts';
import { parseMoney, yuan, type Fen } from '@cws/kernel';
import { AllocationRepository } from '../allocations/allocation.repository';
import type { AppropriationKind } from '../appropriations/appropriation.entity';
import { AppropriationRepository } from '../appropriations/appropriation.repository';
import { FiscalYearRepository } from '../fiscal-years/fiscal-year.repository';
import { LedgerEntryRepository, type NewLedgerEntry } from '../ledger/ledger-entry.repository';
import { HouseholdRepository } from '../reports/household.repository';

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
/** The year the demo was written for: the open fiscal year the seed writes unless told a later one. */
export const DEMO_BUDGET_YEAR = 2026;

/** Yuan per household per year, by stream (the demo's year). */
export const DEMO_STANDARDS: Partial<Record<FundingStream, string>> = {
  PARTY_BUILDING: '10.00',
  RESIDENTS_COMMITTEE: '20.00',
  SERVICE_STATION: '15.00',
  CO_BUILDING: '5.00',
};

const SEED_CREATOR = { id: 'seed-finance', name: 'seed (finance)' };
const SEED_APPROVER = { id: 'seed-city-admin', name: 'seed (city admin)' };

/**
 * `year`: the open fiscal year (not before {@link DEMO_BUDGET_YEAR}); the demo seed passes the current one, so a demo
 * started in a later year books its postings and payroll costs into an open year with money in it.
 */
export async function seedBudgetService(ds: DataSource, communities: SeedCommunity[], opts: { year?: number } = {}): Promise<{ appropriations: number; allocations: number }> {
  let appropriations = 0;
  let allocations = 0;
  const repos = repositories(ds);
  const open = demoYear(opts.year);
  const closed = open - 1;
  await ds.transaction(async (m) => {
    await repos.years.insertOpen(m, closed, `${closed}-01-01 00:00:00.000`);
    await repos.years.insertOpen(m, open, `${open}-01-01 00:00:00.000`);
    const districts = [...new Set(communities.map((c) => c.districtCode))].sort();
    for (const year of [closed, open]) {
      for (const funder of ['CITY', ...districts]) {
        const level = funder === 'CITY' ? 'CITY' : 'DISTRICT';
        const targets = communities.filter((c) => funder === 'CITY' || c.districtCode === funder);
        for (const [i, stream] of FUNDING_STREAMS.entries()) {
          const documentNo = funder === 'CITY' ? `杭财社〔${year}〕${i + 1}号` : `${funder}财预〔${year}〕${i + 1}号`;
          if (await repos.appropriations.exists(m, { fiscalYear: year, funder, stream, documentNo })) continue;
          // the year before at 95 % (a year of growth)
          const perCommunity = (yuan(PER_COMMUNITY[level][stream]) * (year === closed ? 95n : 100n)) / 100n;
          const total = perCommunity * BigInt(targets.length) + yuan(RESERVE[level]);
          await appropriateAndAllocate(m, repos, { fiscalYear: year, funder, stream, kind: 'ORIGINAL', amount: total, documentNo, note: '年初预算（演示数据）' }, targets, perCommunity);
          appropriations++;
          allocations += targets.length;
        }
      }
    }
    await repos.years.close(m, closed, SEED_APPROVER.id, `${open}-01-31 00:00:00.000`);
    // kept when present: the seed never undoes an edit
    const counts = communities.map((c) => ({ communityCode: c.code, streetCode: c.streetCode, districtCode: c.districtCode, communityName: null, households: c.households }));
    await repos.households.writeCounts(m, counts, false);
    for (const [stream, perHousehold] of Object.entries(DEMO_STANDARDS)) await repos.households.writeStandard(m, open, stream, parseMoney(perHousehold), false);
  });
  return { appropriations, allocations };
}

/** Yuan per community and pay stream for community workers' pay (社区工作者薪酬), the demo's year. */
export const DEMO_PAY_PER_COMMUNITY = 1_000_000;
const PAY_STREAMS: FundingStream[] = ['PARTY_BUILDING', 'RESIDENTS_COMMITTEE', 'SERVICE_STATION'];

/**
 * Demo pay money: each district's supplementary appropriation of the demo's year per pay stream (the streams the
 * payroll's COST_STREAM rows post to), allocated to its communities, so a paid demo payroll run's
 * cost postings book instead of parking as INSUFFICIENT_FUNDS. Idempotent by document number.
 */
export async function seedPayBudget(ds: DataSource, communities: SeedCommunity[], opts: { year?: number } = {}): Promise<{ appropriations: number; allocations: number }> {
  let appropriations = 0;
  let allocations = 0;
  const repos = repositories(ds);
  const year = demoYear(opts.year);
  await ds.transaction(async (m) => {
    for (const district of [...new Set(communities.map((c) => c.districtCode))].sort()) {
      const targets = communities.filter((c) => c.districtCode === district);
      for (const [i, stream] of PAY_STREAMS.entries()) {
        const documentNo = `${district}财预〔${year}〕薪${i + 1}号`;
        if (await repos.appropriations.exists(m, { fiscalYear: year, funder: district, stream, documentNo })) continue;
        const per = yuan(DEMO_PAY_PER_COMMUNITY);
        const total = per * BigInt(targets.length);
        await appropriateAndAllocate(m, repos, { fiscalYear: year, funder: district, stream, kind: 'SUPPLEMENTARY', amount: total, documentNo, note: '社区工作者薪酬（演示数据）' }, targets, per);
        appropriations++;
        allocations += targets.length;
      }
    }
  });
  return { appropriations, allocations };
}

const demoYear = (year?: number): number => Math.max(year ?? DEMO_BUDGET_YEAR, DEMO_BUDGET_YEAR);

type SeedRepositories = ReturnType<typeof repositories>;

/** The seed writes through the same repositories as the API (no DI here: they only need the data source). */
function repositories(ds: DataSource) {
  return {
    allocations: new AllocationRepository(ds),
    appropriations: new AppropriationRepository(ds),
    households: new HouseholdRepository(ds),
    ledger: new LedgerEntryRepository(ds),
    years: new FiscalYearRepository(ds),
  };
}

interface SeedAppropriation {
  fiscalYear: number;
  funder: string;
  stream: string;
  kind: AppropriationKind;
  amount: Fen;
  documentNo: string;
  note: string;
}

/**
 * An enacted appropriation and an allocation of `perCommunity` to each target, with their ledger
 * entries (the appropriation's first, then the allocations' in order) in one bulk write.
 */
async function appropriateAndAllocate(m: EntityManager, repos: SeedRepositories, a: SeedAppropriation, targets: SeedCommunity[], perCommunity: Fen): Promise<void> {
  const allocated = perCommunity * BigInt(targets.length);
  const apId = await repos.appropriations.insert(m, {
    ...a, allocated, documentDate: `${a.fiscalYear}-01-15`, createdBy: SEED_CREATOR, enactedBy: SEED_APPROVER,
  });
  const account = { fiscalYear: a.fiscalYear, funder: a.funder, stream: a.stream };
  const entries: NewLedgerEntry[] = [{
    ...account, districtCode: a.funder === 'CITY' ? null : a.funder, streetCode: null, communityCode: null, entryType: 'APPROPRIATION',
    appropriationId: apId, appropriated: a.amount, memo: `${a.kind} ${a.documentNo}`, createdBy: SEED_APPROVER.id,
  }];
  for (const c of targets) {
    const place = { districtCode: c.districtCode, streetCode: c.streetCode, communityCode: c.code };
    const allocationId = await repos.allocations.insert(m, {
      ...account, ...place, appropriationId: apId, targetName: null, amount: perCommunity, note: '年初分配（演示数据）', createdBy: SEED_CREATOR,
    });
    entries.push({ ...account, ...place, entryType: 'ALLOCATION', appropriationId: apId, allocationId, allocated: perCommunity, memo: '年初分配', createdBy: SEED_CREATOR.id });
  }
  await repos.ledger.insertMany(m, entries);
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
