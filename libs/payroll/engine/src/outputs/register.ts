/**
 * The payroll register (工资发放表): one row per payslip, ordered by district, street and
 * community, with a column per pay component, a subtotal row after each community, street and
 * district, and a grand total. Pure: the app writes the rows to .xlsx.
 */
import type { Fen } from '@cws/kernel';
import { byPlace, type OutputPayslip } from './output-payslip';

export interface RegisterColumn {
  /** `EARNING:BASE`, `EMPLOYEE_CONTRIBUTION:PENSION`, or a total: `GROSS`, `TAX`, `RECOVERIES`, `NET`, `EMPLOYER_CONTRIBUTIONS`. */
  key: string;
  label: string;
}

export type RegisterRowKind = 'WORKER' | 'COMMUNITY' | 'STREET' | 'DISTRICT' | 'TOTAL';

export interface RegisterRow {
  kind: RegisterRowKind;
  districtCode: string | null;
  streetCode: string | null;
  communityCode: string | null;
  workerId: number | null;
  name: string | null;
  /** Workers summed in the row (1 for a worker row). */
  workers: number;
  /** Amount per column key (fen); absent = 0. */
  amounts: Map<string, Fen>;
}

export interface Register {
  columns: RegisterColumn[];
  rows: RegisterRow[];
}

/** Earnings first in this order (others after, by first appearance), then contributions in this order. */
const EARNING_ORDER = ['BASE', 'QUALIFICATION', 'LONG_SERVICE', 'CROSS_APPOINTMENT', 'SHIFT', 'SECONDED_IN', 'OVERTIME_WORKDAY', 'OVERTIME_REST_DAY', 'OVERTIME_HOLIDAY', 'YEAR_END_BONUS', 'TOP_UP', 'ARREARS', 'REVERSAL'];
const CONTRIBUTION_ORDER = ['PENSION', 'MEDICAL', 'UNEMPLOYMENT', 'WORK_INJURY', 'HOUSING_FUND'];
const TOTALS: RegisterColumn[] = [
  { key: 'GROSS', label: '应发合计 Gross' },
  { key: 'EMPLOYEE_CONTRIBUTIONS', label: '个人缴费合计 Employee contributions' },
  { key: 'TAX', label: '个人所得税 Income tax' },
  { key: 'RECOVERIES', label: '扣回 Recoveries' },
  { key: 'NET', label: '实发 Net' },
  { key: 'EMPLOYER_CONTRIBUTIONS', label: '单位缴费 Employer contributions' },
];

const rank = (order: string[], code: string): number => {
  const i = order.indexOf(code);
  return i < 0 ? order.length : i;
};

function columnsOf(slips: OutputPayslip[]): RegisterColumn[] {
  const earnings = new Map<string, string>();
  const contributions = new Map<string, string>();
  for (const s of slips) {
    for (const l of s.lines) {
      if (l.kind === 'EARNING' && !earnings.has(l.code)) earnings.set(l.code, l.label);
      if (l.kind === 'EMPLOYEE_CONTRIBUTION' && !contributions.has(l.code)) contributions.set(l.code, l.label);
    }
  }
  const sorted = (m: Map<string, string>, order: string[]) => [...m.entries()].map(([code, label], i) => ({ code, label, i })).sort((a, b) => rank(order, a.code) - rank(order, b.code) || a.i - b.i);
  return [
    ...sorted(earnings, EARNING_ORDER).map((e) => ({ key: `EARNING:${e.code}`, label: e.label })),
    ...sorted(contributions, CONTRIBUTION_ORDER).map((c) => ({ key: `EMPLOYEE_CONTRIBUTION:${c.code}`, label: `个人 ${c.label}` })),
    ...TOTALS,
  ];
}

function amountsOf(s: OutputPayslip): Map<string, Fen> {
  const m = new Map<string, Fen>();
  for (const l of s.lines) {
    if (l.kind !== 'EARNING' && l.kind !== 'EMPLOYEE_CONTRIBUTION') continue;
    const key = `${l.kind}:${l.code}`;
    m.set(key, (m.get(key) ?? 0n) + l.amountFen);
  }
  m.set('GROSS', s.grossFen);
  m.set('EMPLOYEE_CONTRIBUTIONS', s.employeeContributionsFen);
  m.set('TAX', s.taxFen);
  m.set('RECOVERIES', s.recoveriesFen);
  m.set('NET', s.netFen);
  m.set('EMPLOYER_CONTRIBUTIONS', s.employerContributionsFen);
  return m;
}

function addInto(target: Map<string, Fen>, from: Map<string, Fen>): void {
  for (const [k, v] of from) target.set(k, (target.get(k) ?? 0n) + v);
}

/** Home-paid slips only: a host-paid secondee is paid by the host and appears in no register of ours. */
export function buildRegister(slips: OutputPayslip[]): Register {
  const paid = slips.filter((s) => s.payer === 'HOME').sort(byPlace);
  const rows: RegisterRow[] = [];
  const subtotal = (kind: RegisterRowKind, d: string | null, st: string | null, c: string | null): RegisterRow => ({
    kind, districtCode: d, streetCode: st, communityCode: c, workerId: null, name: null, workers: 0, amounts: new Map(),
  });
  const total = subtotal('TOTAL', null, null, null);
  let district: RegisterRow | null = null;
  let street: RegisterRow | null = null;
  let community: RegisterRow | null = null;
  for (const s of paid) {
    // Close the subtotals the slip leaves, innermost first.
    if (community && community.communityCode !== s.communityCode) {
      rows.push(community);
      community = null;
    }
    if (street && street.streetCode !== s.streetCode) {
      rows.push(street);
      street = null;
    }
    if (district && district.districtCode !== s.districtCode) {
      rows.push(district);
      district = null;
    }
    district ??= subtotal('DISTRICT', s.districtCode, null, null);
    street ??= subtotal('STREET', s.districtCode, s.streetCode, null);
    community ??= subtotal('COMMUNITY', s.districtCode, s.streetCode, s.communityCode);
    const amounts = amountsOf(s);
    rows.push({ kind: 'WORKER', districtCode: s.districtCode, streetCode: s.streetCode, communityCode: s.communityCode, workerId: s.workerId, name: s.name, workers: 1, amounts });
    for (const r of [community, street, district, total]) {
      addInto(r.amounts, amounts);
      r.workers++;
    }
  }
  for (const r of [community, street, district]) if (r) rows.push(r);
  rows.push(total);
  return { columns: columnsOf(paid), rows };
}
