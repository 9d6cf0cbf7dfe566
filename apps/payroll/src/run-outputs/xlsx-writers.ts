/**
 * Row tables from the output builders → .xlsx workbooks (exceljs). Money goes in as numbers with
 * two decimals (Excel keeps them exactly to the fen far beyond any payroll), text through
 * neutralizeFormula so no name or code is ever read as a formula.
 */
import ExcelJS from 'exceljs';
import type { Fen } from '@cws/kernel';
import { neutralizeFormula, type DeclarationTable, type Register, type RegisterRow } from '@cws/payroll-engine';

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
  const wb = new ExcelJS.Workbook();
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
  const wb = new ExcelJS.Workbook();
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
