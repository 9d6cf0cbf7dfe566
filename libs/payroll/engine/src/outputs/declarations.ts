/**
 * The declarations of a run as row tables (the app writes them to .xlsx):
 * - 个人所得税扣缴申报 — 综合所得申报 / 正常工资薪金所得, in the columns of the import template of the
 *   natural-person e-tax withholding client (扣缴客户端), one row per home-paid payslip;
 * - 社会保险费 and 住房公积金 contribution lists: per worker, the base the slip contributed on (the
 *   declared base clamped to the item's floor and ceiling; empty for slips from before the base was
 *   recorded), then the employee and employer amount of each item, with totals.
 */
import type { Fen } from '@cws/kernel';
import { type BaseBounds, clampToBounds } from '../run/contribution-base';
import { byPlace, lineSum, type OutputPayslip } from './output-payslip';

export type Cell = string | Fen | null;

export interface DeclarationTable {
  sheet: string;
  headers: string[];
  /** Per column: text or money (fen, written as a number with two places). */
  types: Array<'text' | 'money'>;
  rows: Cell[][];
}

export interface DeclaredPerson {
  /** 证件类型 and 证件号码; null when the run does not hold it (the client matches by 工号 then). */
  idType: string | null;
  idNumber: string | null;
}

/** The 正常工资薪金所得 template's columns, in order. */
export const IIT_HEADERS = [
  '工号', '*姓名', '*证件类型', '*证件号码', '本期收入', '本期免税收入', '基本养老保险费', '基本医疗保险费', '失业保险费', '住房公积金',
  '累计子女教育', '累计继续教育', '累计住房贷款利息', '累计住房租金', '累计赡养老人', '累计3岁以下婴幼儿照护', '累计个人养老金',
  '企业(职业)年金', '商业健康保险', '税延养老保险', '其他', '准予扣除的捐赠额', '减免税额', '备注',
];

/** Separately taxed annual bonus (全年一次性奖金收入) goes on its own template. */
export const BONUS_HEADERS = ['工号', '*姓名', '*证件类型', '*证件号码', '*全年一次性奖金额', '免税收入', '其他', '准予扣除的捐赠额', '减免税额', '备注'];

/** Earnings taxed under the cumulative method this month: gross less a separately taxed bonus. */
function cumulativeIncome(s: OutputPayslip): Fen {
  const separate = s.lines.some((l) => l.kind === 'TAX' && l.code === 'IIT_BONUS');
  return separate ? s.grossFen - lineSum(s, 'EARNING', 'YEAR_END_BONUS') : s.grossFen;
}

export function iitDeclaration(slips: OutputPayslip[], person: (workerId: number) => DeclaredPerson, taxFreeOf: (s: OutputPayslip) => Fen): DeclarationTable[] {
  const home = slips.filter((s) => s.payer === 'HOME').sort(byPlace);
  const wages: DeclarationTable = {
    sheet: '正常工资薪金所得',
    headers: IIT_HEADERS,
    types: IIT_HEADERS.map((h, i) => (i >= 4 && i < IIT_HEADERS.length - 1 ? 'money' : 'text')),
    rows: home.map((s) => {
      const p = person(s.workerId);
      const c = (code: string) => lineSum(s, 'EMPLOYEE_CONTRIBUTION', code);
      return [
        String(s.workerId), s.name, p.idType ?? '居民身份证', p.idNumber, cumulativeIncome(s), taxFreeOf(s),
        c('PENSION'), c('MEDICAL'), c('UNEMPLOYMENT'), c('HOUSING_FUND'),
        0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n,
        p.idNumber ? null : '证件号码待补 (no resident ID found for the period)',
      ];
    }),
  };
  const bonus: DeclarationTable = {
    sheet: '全年一次性奖金收入',
    headers: BONUS_HEADERS,
    types: BONUS_HEADERS.map((h, i) => (i >= 4 && i < BONUS_HEADERS.length - 1 ? 'money' : 'text')),
    rows: home
      .filter((s) => s.lines.some((l) => l.kind === 'TAX' && l.code === 'IIT_BONUS'))
      .map((s) => {
        const p = person(s.workerId);
        return [String(s.workerId), s.name, p.idType ?? '居民身份证', p.idNumber, lineSum(s, 'EARNING', 'YEAR_END_BONUS'), 0n, 0n, 0n, 0n, null];
      }),
  };
  return [wages, bonus];
}

const SI_ITEMS: Array<[string, string]> = [['PENSION', '养老保险'], ['MEDICAL', '医疗保险'], ['UNEMPLOYMENT', '失业保险'], ['WORK_INJURY', '工伤保险']];

/** The base a slip contributed on for an item: its INFO base line (`codes`, first found) clamped to the bounds; null when none. */
function clampedBase(s: OutputPayslip, codes: string[], bounds: BaseBounds | null): Fen | null {
  const line = codes.map((code) => s.lines.find((l) => l.kind === 'INFO' && l.code === code)).find((l) => l !== undefined);
  return line && bounds ? clampToBounds(line.amountFen, bounds) : null;
}

function contributionTable(sheet: string, bases: ContributionBaseColumn[], items: Array<[string, string]>, slips: OutputPayslip[]): DeclarationTable {
  const headers = ['工号', '姓名', '区', '街道', '社区', ...bases.map((b) => b.header), ...items.flatMap(([, label]) => [`${label} 个人`, `${label} 单位`]), '个人合计', '单位合计', '合计'];
  const home = slips.filter((s) => s.payer === 'HOME').sort(byPlace);
  const rows: Cell[][] = [];
  const totals: Fen[] = new Array(items.length * 2 + 3).fill(0n);
  for (const s of home) {
    const amounts: Fen[] = [];
    let employee = 0n;
    let employer = 0n;
    for (const [code] of items) {
      const e = lineSum(s, 'EMPLOYEE_CONTRIBUTION', code);
      const r = lineSum(s, 'EMPLOYER_CONTRIBUTION', code);
      amounts.push(e, r);
      employee += e;
      employer += r;
    }
    amounts.push(employee, employer, employee + employer);
    if (employee + employer === 0n) continue;
    amounts.forEach((a, i) => (totals[i] += a));
    rows.push([String(s.workerId), s.name, s.districtCode, s.streetCode, s.communityCode, ...bases.map((b) => b.of(s)), ...amounts]);
  }
  rows.push(['合计', `${rows.length} 人`, null, null, null, ...bases.map(() => null), ...totals]);
  return { sheet, headers, types: headers.map((_, i) => (i >= 5 ? 'money' : 'text')), rows };
}

interface ContributionBaseColumn {
  header: string;
  of: (s: OutputPayslip) => Fen | null;
}

const sameBounds = (a: BaseBounds, b: BaseBounds): boolean => a.baseFloorFen === b.baseFloorFen && a.baseCeilingFen === b.baseCeilingFen;

/**
 * Social insurance, keyed by item code in `bounds`. 缴费基数 is the base clamped to the pension item's bounds;
 * an item whose floor or ceiling differs (a city where medical insurance has its own) gets its own base
 * column after it, so every amount in a row can be traced to the base it was taken from.
 */
export function socialInsuranceList(slips: OutputPayslip[], bounds: ReadonlyMap<string, BaseBounds> = new Map()): DeclarationTable {
  const pension = bounds.get('PENSION') ?? null;
  const bases: ContributionBaseColumn[] = [{ header: '缴费基数', of: (s) => clampedBase(s, ['CONTRIBUTION_BASE'], pension) }];
  for (const [code, label] of SI_ITEMS) {
    const own = bounds.get(code);
    if (code === 'PENSION' || !own || (pension && sameBounds(own, pension))) continue;
    bases.push({ header: `${label} 缴费基数`, of: (s) => clampedBase(s, ['CONTRIBUTION_BASE'], own) });
  }
  return contributionTable('社会保险费', bases, SI_ITEMS, slips);
}

/** Housing fund; its base is a declared housing-fund base when there is one, else the contribution base. */
export const housingFundList = (slips: OutputPayslip[], fund: BaseBounds | null = null): DeclarationTable =>
  contributionTable('住房公积金', [{ header: '缴存基数', of: (s) => clampedBase(s, ['HOUSING_FUND_BASE', 'CONTRIBUTION_BASE'], fund) }], [['HOUSING_FUND', '住房公积金']], slips);
