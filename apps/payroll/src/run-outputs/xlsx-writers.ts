/**
 * Row tables from the output builders → .xlsx workbooks (exceljs). Money goes in as numbers with
 * two decimals (Excel keeps them exactly to the fen far beyond any payroll), text through
 * neutralizeFormula so no name or code is ever read as a formula.
 */
import { loadExcel } from '@cws/platform';
import { type Fen, parseMoney } from '@cws/kernel';
import { neutralizeFormula, type DeclarationTable, type Register, type RegisterRow } from '@cws/payroll-engine';
import type { FundingRequirementReport } from '@cws/payroll-contracts';

const MONEY_FORMAT = '#,##0.00';
const yuan = (f: Fen): number => Number(f) / 100;

const ROW_LABEL: Record<RegisterRow['kind'], string> = { WORKER: '', COMMUNITY: '社区小计', STREET: '街道小计', DISTRICT: '区小计', TOTAL: '合计' };

export interface RegisterTitle {
  runId: string;
  period: string;
  scope: string | null;
  status: string;
}

/** Sheet 工资发放表: place columns, 工号, 姓名, 人数, then one column per component; subtotal rows bold. */
export async function registerXlsx(reg: Register, title: RegisterTitle): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet('工资发放表');
  const fixed = ['区', '街道', '社区', '工号', '姓名', '人数'];
  ws.addRow([`工资发放表 Payroll register — ${title.period} — run ${title.runId} — ${title.scope ?? '全市 city'} — ${title.status}`]);
  ws.addRow([...fixed, ...reg.columns.map((c) => neutralizeFormula(c.label))]);
  ws.getRow(2).font = { bold: true };
  // Row 3: the column keys, so a reader can find a component without parsing labels.
  ws.addRow(['district', 'street', 'community', 'workerId', 'name', 'workers', ...reg.columns.map((c) => c.key)]);
  for (const r of reg.rows) {
    const label = r.kind === 'WORKER' ? r.name ?? '' : ROW_LABEL[r.kind];
    const row = ws.addRow([
      r.districtCode ?? '', r.streetCode ?? '', r.communityCode ?? '', r.workerId === null ? '' : String(r.workerId), neutralizeFormula(label), r.workers,
      ...reg.columns.map((c) => yuan(r.amounts.get(c.key) ?? 0n)),
    ]);
    if (r.kind !== 'WORKER') row.font = { bold: true };
  }
  reg.columns.forEach((_, i) => (ws.getColumn(fixed.length + 1 + i).numFmt = MONEY_FORMAT));
  for (const i of [1, 2, 3, 4]) ws.getColumn(i).numFmt = '@';
  ws.views = [{ state: 'frozen', xSplit: 5, ySplit: 3 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One sheet per table (IIT: wages and the separately taxed bonus; SI; HF). */
export async function tablesXlsx(tables: DeclarationTable[]): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  for (const t of tables) {
    const ws = wb.addWorksheet(t.sheet);
    ws.addRow(t.headers);
    ws.getRow(1).font = { bold: true };
    for (const cells of t.rows) {
      ws.addRow(cells.map((c, i) => (c === null ? null : t.types[i] === 'money' ? yuan(c as Fen) : neutralizeFormula(String(c)))));
    }
    t.types.forEach((type, i) => (ws.getColumn(i + 1).numFmt = type === 'money' ? MONEY_FORMAT : '@'));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const FUNDING_MONEY = ['wages', 'employerContributions', 'requirement', 'budgeted', 'shortfall'] as const;

/**
 * Sheet 经费核定: a title row (year, scope, W(Y−1), snapshot date, months paid, pay streams), the labels,
 * a row per district (bold) followed by its streets, then 合计 — the figures of the JSON report as they
 * are, money as numbers to the fen.
 */
export async function fundingRequirementXlsx(r: FundingRequirementReport): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet('经费核定');
  const note = r.illustrative ? ' — 示例数据 illustrative data' : '';
  ws.addRow([`社区工作者经费核定 ${r.year} — ${r.scope ?? '全市 city'} — W(Y−1) ${r.benchmark} — 截至 ${r.asOf}（已发 ${r.paidThrough} 个月）— 工资类预算渠道 ${r.streams.join(', ')}${note}`]);
  ws.addRow(['区县代码', '区县', '街道代码', '人月', '年平均人数', '工资（人数 × W）', '单位社保公积金', '核定所需', '已分配预算', '缺口']);
  ws.getRow(2).font = { bold: true };
  for (const l of r.lines) {
    const row = ws.addRow([
      l.districtCode, neutralizeFormula(l.districtName ?? ''), l.streetCode ?? '', l.workerMonths, Number(l.headcount), ...FUNDING_MONEY.map((k) => yuan(parseMoney(l[k]))),
    ]);
    if (l.level === 'DISTRICT') row.font = { bold: true };
  }
  const total = ws.addRow(['合计', '', '', null, null, null, null, yuan(parseMoney(r.totals.requirement)), yuan(parseMoney(r.totals.budgeted)), yuan(parseMoney(r.totals.shortfall))]);
  total.font = { bold: true };
  for (const i of [1, 3]) ws.getColumn(i).numFmt = '@';
  ws.getColumn(5).numFmt = '0.00';
  for (let i = 6; i <= 10; i++) ws.getColumn(i).numFmt = MONEY_FORMAT;
  ws.views = [{ state: 'frozen', xSplit: 3, ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
