/** Budget execution (appropriated vs spent) and the per-household funding standard check; .xlsx export. */
import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { maxFen, neutraliseFormula, notFound, placeOfCode, type Fen, type Principal } from '@cws/kernel';
import { applyScope } from '@cws/persistence';
import { AuditService } from '@cws/platform';
import { assertFilterInScope, requireCityScope } from '../common/access';
import { fromDb, money, parsePositiveAmount, percent } from '../common/money';
import { wherePlace } from '../common/place-query';
import { LedgerEntryEntity } from '../ledger/ledger-entry.entity';
import { StreamEntity } from '../streams/stream.entity';
import { FundingStandardEntity, HouseholdCountEntity } from './household.entities';
import type { ExecutionGroup, ExecutionQueryDto, HouseholdCountDto, HouseholdStandardQueryDto } from './reports.dto';

const GROUP_COLUMN: Record<ExecutionGroup, string> = {
  stream: 'e.stream',
  funder: 'e.funder',
  district: 'e.district_code',
  street: 'e.street_code',
  community: 'e.community_code',
  month: "DATE_FORMAT(e.created_at, '%Y-%m')",
};

export interface ExecutionRow {
  key: string | null;
  name: string | null;
  appropriated: string;
  allocated: string;
  committed: string;
  spent: string;
  available: string;
  executionRate: string | null;
}

@Injectable()
export class ReportsService {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Execution rate = spent / appropriated when grouping by stream, funder or month (the funder's
   * view; by month it is the cumulative rate to the end of that month), and spent / allocated when
   * grouping by place (a district, street or community's budget is what was allocated to it).
   */
  async execution(p: Principal, q: ExecutionQueryDto) {
    assertFilterInScope(p, q);
    const qb = this.dataSource
      .getRepository(LedgerEntryEntity)
      .createQueryBuilder('e')
      .select(GROUP_COLUMN[q.groupBy], 'k')
      .addSelect('SUM(e.d_appropriated)', 'appropriated')
      .addSelect('SUM(e.d_allocated)', 'allocated')
      .addSelect('SUM(e.d_committed)', 'committed')
      .addSelect('SUM(e.d_spent)', 'spent')
      .groupBy('k')
      .orderBy('k');
    const raw = await wherePlace(qb, 'e', q, p).getRawMany<{ k: string | null; appropriated: string; allocated: string; committed: string; spent: string }>();
    const names = await this.names(q.groupBy);
    if (q.groupBy === 'stream') {
      // streams in their own order (party building first), not alphabetically
      const order = [...names.keys()];
      raw.sort((a, b) => order.indexOf(a.k ?? '') - order.indexOf(b.k ?? ''));
    }
    const rateBase = ['stream', 'funder', 'month'].includes(q.groupBy) ? 'appropriated' : 'allocated';
    const total = { appropriated: 0n, allocated: 0n, committed: 0n, spent: 0n };
    const rows = raw.map((r) => {
      const v = { appropriated: fromDb(r.appropriated), allocated: fromDb(r.allocated), committed: fromDb(r.committed), spent: fromDb(r.spent) };
      for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += v[k];
      return { key: r.k, v };
    });
    const out: ExecutionRow[] = rows.map(({ key, v }) => {
      const base = q.groupBy === 'month' ? total.appropriated : rateBase === 'appropriated' ? v.appropriated : v.allocated;
      return row(key, key ? names.get(key) ?? null : null, v, v.spent, base);
    });
    if (q.groupBy === 'month') {
      // cumulative year-to-date execution against the year's appropriations
      let cumulative = 0n;
      for (const [i, r] of rows.entries()) {
        cumulative += r.v.spent;
        out[i].executionRate = percent(cumulative, total.appropriated);
      }
    }
    const totalBase = rateBase === 'appropriated' || q.groupBy === 'month' ? total.appropriated : total.allocated;
    return { fiscalYear: q.fiscalYear, groupBy: q.groupBy, rateBase, rows: out, total: row(null, 'total', total, total.spent, totalBase) };
  }

  async executionXlsx(p: Principal, q: ExecutionQueryDto): Promise<Buffer> {
    const report = await this.execution(p, q);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'cws budget';
    const ws = wb.addWorksheet(`执行 ${q.fiscalYear}`);
    ws.columns = [
      { header: q.groupBy, key: 'key', width: 16 },
      { header: '名称 name', key: 'name', width: 28 },
      { header: '预算 appropriated', key: 'appropriated', width: 18 },
      { header: '分配 allocated', key: 'allocated', width: 18 },
      { header: '承诺 committed', key: 'committed', width: 18 },
      { header: '支出 spent', key: 'spent', width: 18 },
      { header: '可用 available', key: 'available', width: 18 },
      { header: '执行率 % rate', key: 'executionRate', width: 14 },
    ];
    // Amounts are written as numbers for spreadsheet arithmetic; fen-exact at this size (≤ 15 significant digits).
    const num = (s: string | null) => (s === null ? null : Number(s));
    for (const r of [...report.rows, report.total]) {
      // names are user-typed text (community names): a leading = + - @ must not become a formula
      ws.addRow({ ...r, name: r.name === null ? null : neutraliseFormula(r.name), appropriated: num(r.appropriated), allocated: num(r.allocated), committed: num(r.committed), spent: num(r.spent), available: num(r.available), executionRate: num(r.executionRate) });
    }
    for (const c of ['C', 'D', 'E', 'F', 'G']) ws.getColumn(c).numFmt = '#,##0.00';
    ws.getRow(1).font = { bold: true };
    ws.getRow(ws.rowCount).font = { bold: true };
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** Communities whose allocation from a stream (all funders) is below standard × households are flagged. */
  async householdStandard(p: Principal, q: HouseholdStandardQueryDto) {
    assertFilterInScope(p, q);
    const standard = await this.dataSource.getRepository(FundingStandardEntity).findOneBy({ fiscalYear: q.fiscalYear, stream: q.stream });
    if (!standard) throw notFound('funding_standard', `${q.fiscalYear}/${q.stream}`);
    const perHousehold = fromDb(standard.perHousehold);
    const hq = this.dataSource.getRepository(HouseholdCountEntity).createQueryBuilder('h').orderBy('h.communityCode');
    if (q.district) hq.andWhere('h.districtCode = :district', { district: q.district });
    if (q.street) hq.andWhere('h.streetCode = :street', { street: q.street });
    if (q.community) hq.andWhere('h.communityCode = :community', { community: q.community });
    const households = await applyScope(hq, p.scope, { district: 'h.districtCode', street: 'h.streetCode' }).getMany();
    const sums = await this.dataSource.query(
      `SELECT community_code AS c, SUM(d_allocated) AS allocated FROM ledger_entry
        WHERE fiscal_year = ? AND stream = ? AND community_code IS NOT NULL GROUP BY community_code`,
      [q.fiscalYear, q.stream],
    );
    const allocated = new Map<string, Fen>(sums.map((s: { c: string; allocated: string }) => [s.c, fromDb(s.allocated)]));
    const rows = households.map((h) => {
      const got = allocated.get(h.communityCode) ?? 0n;
      const required = perHousehold * BigInt(h.households);
      return {
        communityCode: h.communityCode,
        communityName: h.communityName,
        streetCode: h.streetCode,
        districtCode: h.districtCode,
        households: h.households,
        allocated: money(got),
        perHousehold: h.households > 0 ? money(got / BigInt(h.households)) : null,
        standardPerHousehold: money(perHousehold),
        required: money(required),
        shortfall: money(maxFen(0n, required - got)),
        belowStandard: got < required,
      };
    });
    return {
      fiscalYear: q.fiscalYear,
      stream: q.stream,
      standardPerHousehold: money(perHousehold),
      communities: rows.length,
      below: rows.filter((r) => r.belowStandard).length,
      rows: q.belowOnly === 'true' ? rows.filter((r) => r.belowStandard) : rows,
    };
  }

  async listHouseholds(p: Principal, q: { district?: string; street?: string }) {
    assertFilterInScope(p, q);
    const hq = this.dataSource.getRepository(HouseholdCountEntity).createQueryBuilder('h').orderBy('h.communityCode');
    if (q.district) hq.andWhere('h.districtCode = :district', { district: q.district });
    if (q.street) hq.andWhere('h.streetCode = :street', { street: q.street });
    return applyScope(hq, p.scope, { district: 'h.districtCode', street: 'h.streetCode' }).getMany();
  }

  async putHouseholds(p: Principal, communityCode: string, dto: HouseholdCountDto): Promise<HouseholdCountEntity> {
    const place = placeOfCode(communityCode); // a 12-digit community (CommunityParam): street and district follow
    assertFilterInScope(p, { community: communityCode });
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(HouseholdCountEntity);
      const before = await repo.findOne({ where: { communityCode }, lock: { mode: 'pessimistic_write' } });
      await m.query(
        `INSERT INTO household_count (community_code, street_code, district_code, community_name, households, updated_at) VALUES (?, ?, ?, ?, ?, NOW(3))
         ON DUPLICATE KEY UPDATE households = VALUES(households), community_name = COALESCE(VALUES(community_name), community_name), updated_at = NOW(3)`,
        [communityCode, place.street, place.district, dto.communityName ?? null, dto.households],
      );
      const after = await repo.findOneByOrFail({ communityCode });
      await this.audit.record(m, { entity: 'household_count', entityId: communityCode, action: before ? 'UPDATE' : 'CREATE', before, after, districtCode: place.district });
      return after;
    });
  }

  listStandards(): Promise<FundingStandardEntity[]> {
    return this.dataSource.getRepository(FundingStandardEntity).find({ order: { fiscalYear: 'DESC', stream: 'ASC' } });
  }

  async putStandard(p: Principal, fiscalYear: number, stream: string, perHouseholdText: string): Promise<FundingStandardEntity> {
    requireCityScope(p);
    const perHousehold = parsePositiveAmount(perHouseholdText, 'perHousehold');
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(FundingStandardEntity);
      const before = await repo.findOne({ where: { fiscalYear, stream }, lock: { mode: 'pessimistic_write' } });
      await m.query(
        `INSERT INTO funding_standard (fiscal_year, stream, per_household, updated_at) VALUES (?, ?, ?, NOW(3))
         ON DUPLICATE KEY UPDATE per_household = VALUES(per_household), updated_at = NOW(3)`,
        [fiscalYear, stream, money(perHousehold)],
      );
      const after = await repo.findOneByOrFail({ fiscalYear, stream });
      await this.audit.record(m, { entity: 'funding_standard', entityId: `${fiscalYear}/${stream}`, action: before ? 'UPDATE' : 'CREATE', before, after });
      return after;
    });
  }

  private async names(group: ExecutionGroup): Promise<Map<string, string>> {
    if (group === 'stream') {
      const streams = await this.dataSource.getRepository(StreamEntity).find({ order: { sortOrder: 'ASC' } });
      return new Map(streams.map((s) => [s.code, s.nameZh]));
    }
    if (group === 'community') {
      const rows = await this.dataSource.getRepository(HouseholdCountEntity).find({ select: { communityCode: true, communityName: true } });
      return new Map(rows.filter((r) => r.communityName).map((r) => [r.communityCode, r.communityName!]));
    }
    return new Map();
  }
}

function row(key: string | null, name: string | null, v: { appropriated: Fen; allocated: Fen; committed: Fen; spent: Fen }, spent: Fen, base: Fen): ExecutionRow {
  return {
    key,
    name,
    appropriated: money(v.appropriated),
    allocated: money(v.allocated),
    committed: money(v.committed),
    spent: money(v.spent),
    available: money(v.allocated - v.committed - v.spent),
    executionRate: percent(spent, base),
  };
}
