/** Budget execution (appropriated vs spent) and the per-household funding standard check; .xlsx export. */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { executionReport, householdCheck, type LedgerSums } from '@cws/budget-core';
import type { FundingStandardView, FundingStream, HouseholdCountView, HouseholdStandardReportView } from '@cws/budget-contracts';
import { neutraliseFormula, notFound, placeOfCode, type Fen, type Principal } from '@cws/kernel';
import { inTransaction } from '@cws/persistence';
import { AuditService, loadExcel } from '@cws/platform';
import { assertFilterInScope, requireCityScope } from '../common/access';
import { fromDb, money, parsePositiveAmount } from '../common/money';
import { addSheet, moneyCell } from '../common/workbook';
import { LedgerEntryRepository } from '../ledger/ledger-entry.repository';
import { BudgetStreamRepository } from '../streams/budget-stream.repository';
import type { FundingStandardEntity, HouseholdCountEntity } from './household.entities';
import { HouseholdRepository } from './household.repository';
import type { ExecutionGroup, ExecutionQueryDto, HouseholdCountDto, HouseholdStandardQueryDto } from './reports.dto';

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

/** The execution workbook's amount columns. */
const AMOUNTS = ['appropriated', 'allocated', 'committed', 'spent', 'available'] as const;

@Injectable()
export class ReportsService {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly households: HouseholdRepository,
    private readonly ledger: LedgerEntryRepository,
    private readonly streams: BudgetStreamRepository,
  ) {}

  /**
   * Execution rate = spent / appropriated when grouping by stream, funder or month (the funder's
   * view; by month it is the cumulative rate to the end of that month), and spent / allocated when
   * grouping by place (a district, street or community's budget is what was allocated to it).
   */
  async execution(p: Principal, q: ExecutionQueryDto) {
    assertFilterInScope(p, q);
    const groups = await this.ledger.sumsByGroup(p, q, q.groupBy);
    const names = await this.names(q.groupBy);
    if (q.groupBy === 'stream') {
      // streams in their own order (party building first), not alphabetically
      const order = [...names.keys()];
      groups.sort((a, b) => order.indexOf(a.key ?? '') - order.indexOf(b.key ?? ''));
    }
    const report = executionReport(q.groupBy, groups);
    const rows = report.rows.map((r) => line(r.key, r.key ? names.get(r.key) ?? null : null, r));
    return { fiscalYear: q.fiscalYear, groupBy: q.groupBy, rateBase: report.rateBase, rows, total: line(null, 'total', report.total) };
  }

  async executionXlsx(p: Principal, q: ExecutionQueryDto): Promise<Buffer> {
    const report = await this.execution(p, q);
    const wb = new (await loadExcel()).Workbook();
    wb.creator = 'cws budget';
    const ws = addSheet(wb, `执行 ${q.fiscalYear}`, [
      { header: q.groupBy, key: 'key', width: 16 },
      { header: '名称 name', key: 'name', width: 28 },
      { header: '预算 appropriated', key: 'appropriated', width: 18 },
      { header: '分配 allocated', key: 'allocated', width: 18 },
      { header: '承诺 committed', key: 'committed', width: 18 },
      { header: '支出 spent', key: 'spent', width: 18 },
      { header: '可用 available', key: 'available', width: 18 },
      { header: '执行率 % rate', key: 'executionRate', width: 14 },
    ], AMOUNTS);
    for (const r of [...report.rows, report.total]) {
      // names are user-typed text (community names): a leading = + - @ must not become a formula
      const amounts = Object.fromEntries(AMOUNTS.map((k) => [k, moneyCell(r[k])]));
      ws.addRow({ ...r, ...amounts, name: r.name === null ? null : neutraliseFormula(r.name), executionRate: r.executionRate === null ? null : Number(r.executionRate) });
    }
    ws.getRow(ws.rowCount).font = { bold: true };
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** Communities whose allocation from a stream (all funders) is below standard × households are flagged. */
  async householdStandard(p: Principal, q: HouseholdStandardQueryDto): Promise<HouseholdStandardReportView> {
    assertFilterInScope(p, q);
    const standard = await this.households.standard(q.fiscalYear, q.stream);
    if (!standard) throw notFound('funding_standard', `${q.fiscalYear}/${q.stream}`);
    const perHousehold = fromDb(standard.perHousehold);
    const counts = await this.households.counts(p, q);
    const allocated = await this.ledger.allocatedByCommunity(q.fiscalYear, q.stream);
    const rows = counts.map((h) => {
      const got = allocated.get(h.communityCode) ?? 0n;
      const check = householdCheck(perHousehold, h.households, got);
      return {
        communityCode: h.communityCode,
        communityName: h.communityName,
        streetCode: h.streetCode,
        districtCode: h.districtCode,
        households: h.households,
        allocated: money(got),
        perHousehold: check.perHousehold === null ? null : money(check.perHousehold),
        standardPerHousehold: money(perHousehold),
        required: money(check.required),
        shortfall: money(check.shortfall),
        belowStandard: check.belowStandard,
      };
    });
    return {
      fiscalYear: q.fiscalYear,
      stream: q.stream as FundingStream,
      standardPerHousehold: money(perHousehold),
      communities: rows.length,
      below: rows.filter((r) => r.belowStandard).length,
      rows: q.belowOnly === 'true' ? rows.filter((r) => r.belowStandard) : rows,
    };
  }

  async listHouseholds(p: Principal, q: { district?: string; street?: string }): Promise<HouseholdCountView[]> {
    assertFilterInScope(p, q);
    return (await this.households.counts(p, { district: q.district, street: q.street })).map(householdCountView);
  }

  async putHouseholds(p: Principal, communityCode: string, dto: HouseholdCountDto): Promise<HouseholdCountView> {
    const place = placeOfCode(communityCode); // a 12-digit community (CommunityParam): street and district follow
    assertFilterInScope(p, { community: communityCode });
    // a first count of a community: concurrent writers gap-lock the missing row, and a deadlock victim runs again
    return inTransaction(this.dataSource, async (m) => {
      const before = await this.households.lockCount(m, communityCode);
      await this.households.writeCounts(m, [
        { communityCode, streetCode: place.street!, districtCode: place.district, communityName: dto.communityName ?? null, households: dto.households },
      ], true);
      const after = await this.households.getCount(m, communityCode);
      await this.audit.record(m, { entity: 'household_count', entityId: communityCode, action: before ? 'UPDATE' : 'CREATE', before, after, districtCode: place.district });
      return householdCountView(after);
    });
  }

  async listStandards(): Promise<FundingStandardView[]> {
    return (await this.households.standards()).map(fundingStandardView);
  }

  async putStandard(p: Principal, fiscalYear: number, stream: string, perHouseholdText: string): Promise<FundingStandardView> {
    requireCityScope(p);
    const perHousehold = parsePositiveAmount(perHouseholdText, 'perHousehold');
    // as for a community's count: a first standard of (year, stream) written twice at once
    return inTransaction(this.dataSource, async (m) => {
      const before = await this.households.lockStandard(m, fiscalYear, stream);
      await this.households.writeStandard(m, fiscalYear, stream, perHousehold, true);
      const after = await this.households.getStandard(m, fiscalYear, stream);
      await this.audit.record(m, { entity: 'funding_standard', entityId: `${fiscalYear}/${stream}`, action: before ? 'UPDATE' : 'CREATE', before, after });
      return fundingStandardView(after);
    });
  }

  private async names(group: ExecutionGroup): Promise<Map<string, string>> {
    if (group === 'stream') {
      const streams = await this.streams.list();
      return new Map(streams.map((s) => [s.code, s.nameZh]));
    }
    if (group === 'community') return this.households.communityNames();
    return new Map();
  }
}

/** A report line as the API shows it: decimal strings. */
function line(key: string | null, name: string | null, l: { sums: LedgerSums; available: Fen; executionRate: string | null }): ExecutionRow {
  return {
    key,
    name,
    appropriated: money(l.sums.appropriated),
    allocated: money(l.sums.allocated),
    committed: money(l.sums.committed),
    spent: money(l.sums.spent),
    available: money(l.available),
    executionRate: l.executionRate,
  };
}

// The entity as JSON answers it (a Date serialises to its ISO string): the same body, typed as the contract.
const householdCountView = (h: HouseholdCountEntity): HouseholdCountView => ({ ...h, updatedAt: h.updatedAt.toISOString() });
const fundingStandardView = (f: FundingStandardEntity): FundingStandardView => ({ ...f, stream: f.stream as FundingStream, updatedAt: f.updatedAt.toISOString() });
