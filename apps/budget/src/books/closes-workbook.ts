/**
 * The daily closes as a workbook (GET /ledger/closes.xlsx): sheet 日结 a row per day — its status, entries and
 * the last entry it covers (a BIGINT id, kept as text; empty on a day without entries), the day's four movements,
 * the five totals at its end, what was reconciled, how many discrepancies, when and by whom it was closed — and
 * sheet 差异 every discrepancy of those days. Available and the differences are computed in
 * fen; amounts reach the cells through moneyCell, text through neutraliseFormula.
 */
import type ExcelJS from 'exceljs';
import { loadExcel } from '@cws/platform';
import { ledgerTotals, type LedgerSums } from '@cws/budget-core';
import { neutraliseFormula } from '@cws/kernel';
import { money } from '../common/money';
import { addSheet, moneyCell } from '../common/workbook';
import type { LedgerCloseRow } from './ledger-close.repository';

const MEASURES = ['appropriated', 'allocated', 'committed', 'spent'] as const;
const LABEL: Record<(typeof MEASURES)[number] | 'available', string> = {
  appropriated: '预算安排 appropriated', allocated: '已下达 allocated', committed: '已承诺 committed', spent: '已支出 spent', available: '可用余额 available',
};

const amount = (header: string, key: string): Partial<ExcelJS.Column> => ({ header, key, width: 20 });
const MOVED = MEASURES.map((m) => amount(`当日${LABEL[m]}`, `moved.${m}`));
const TOTALS = [...MEASURES, 'available' as const].map((m) => amount(`日终${LABEL[m]}`, `total.${m}`));

const CLOSE_COLUMNS: Array<Partial<ExcelJS.Column>> = [
  { header: '日期 day', key: 'day', width: 12 },
  { header: '对账 status', key: 'status', width: 14 },
  { header: '账目数 entries', key: 'entries', width: 10 },
  { header: '末条账目 ID last entry', key: 'lastEntryId', width: 14 },
  ...MOVED,
  ...TOTALS,
  { header: '核对分配数 allocations checked', key: 'allocationsChecked', width: 14 },
  { header: '核对预算数 appropriations checked', key: 'appropriationsChecked', width: 14 },
  { header: '差异数 discrepancies', key: 'discrepancies', width: 12 },
  { header: '结账时间 closed at (UTC)', key: 'closedAt', width: 26 },
  { header: '结账人 closed by', key: 'closedBy', width: 20 },
];

const DISCREPANCY_COLUMNS: Array<Partial<ExcelJS.Column>> = [
  { header: '日期 day', key: 'day', width: 12 },
  { header: '分配 ID allocation', key: 'allocationId', width: 12 },
  { header: '预算 ID appropriation', key: 'appropriationId', width: 12 },
  { header: '不一致的列 measure', key: 'measure', width: 14 },
  amount('滚动余额 running', 'running'),
  amount('总账合计 ledger', 'ledger'),
  amount('差额 difference (running − ledger)', 'difference'),
];

/** The four measures (and, for totals, available = allocated − committed − spent, in fen) under `prefix.` keys, as cells. */
function measures(prefix: 'moved' | 'total', s: LedgerSums): Record<string, number> {
  const withAvailable = prefix === 'total' ? { ...s, available: ledgerTotals([s]).available } : s;
  return Object.fromEntries(Object.entries(withAvailable).map(([k, v]) => [`${prefix}.${k}`, moneyCell(money(v))]));
}

/** The closes (oldest first, as read) as an .xlsx workbook. */
export async function closesWorkbook(closes: readonly LedgerCloseRow[]): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'cws budget';
  const days = addSheet(wb, '日结 closes', CLOSE_COLUMNS, [...MOVED, ...TOTALS].map((c) => c.key!));
  const differing = addSheet(wb, '差异 discrepancies', DISCREPANCY_COLUMNS, ['running', 'ledger', 'difference']);
  for (const c of closes) {
    days.addRow({
      day: c.day, status: c.status, entries: c.entries, lastEntryId: c.lastEntryId, ...measures('moved', c.movements), ...measures('total', c.totals),
      allocationsChecked: c.allocationsChecked, appropriationsChecked: c.appropriationsChecked, discrepancies: c.discrepancies.length,
      // the closer is a user id or the batch's name: text, never a formula
      closedAt: c.closedAt.toISOString(), closedBy: neutraliseFormula(c.closedBy),
    });
    for (const d of c.discrepancies) {
      differing.addRow({
        day: c.day, allocationId: 'allocationId' in d ? d.allocationId : null, appropriationId: 'appropriationId' in d ? d.appropriationId : null, measure: d.measure,
        running: moneyCell(money(d.running)), ledger: moneyCell(money(d.ledger)), difference: moneyCell(money(d.running - d.ledger)),
      });
    }
  }
  for (const ws of [days, differing]) ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
