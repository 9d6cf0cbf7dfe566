/**
 * How payslip lines are stored in `payslip.line_items`: one compact tuple per line,
 * `[kind, code, amount, rule, policyRowId?, refPeriod?, derived?, label?]` (trailing empties
 * dropped), kind as one letter, the rule '' when it is the code's usual one, and the label only
 * when it differs from the code's standard one.
 * 100,000 slips × 14 lines is the bulk of a run's writes: this is ≈ 3× smaller than the full JSON
 * objects. `PayslipEntity.lines` decodes back to `PayslipLine[]` JSON, so readers never see it.
 */
import { formatMoney } from '@cws/kernel';
import type { PayslipLine, PayslipLineKind } from '@cws/payroll-contracts';
import { decodeTaxState, type PayslipLineOut, taxStateToJson } from '@cws/payroll-engine';

const KIND_CODE: Record<PayslipLineKind, string> = { EARNING: 'E', EMPLOYEE_CONTRIBUTION: 'C', EMPLOYER_CONTRIBUTION: 'R', TAX: 'T', DEDUCTION: 'D', INFO: 'I' };
const KIND_OF: Record<string, PayslipLineKind> = Object.fromEntries(Object.entries(KIND_CODE).map(([k, v]) => [v, k as PayslipLineKind]));

/** Standard labels by component code (the policy rows carry the same names; other codes keep their own label). */
export const COMPONENT_LABELS: Readonly<Record<string, string>> = {
  BASE: 'Base pay (岗位等级工资)',
  QUALIFICATION: 'Qualification allowance (职业资格津贴)',
  LONG_SERVICE: 'Long-service allowance (工龄津贴)',
  CROSS_APPOINTMENT: 'Cross-appointment allowance (交叉任职津贴)',
  SHIFT: 'Shift / duty allowance (值班补贴)',
  SECONDED_IN: 'Seconded-in subsidy (借调补贴)',
  OVERTIME_WORKDAY: 'Overtime on working days (延长工作时间加班)',
  OVERTIME_REST_DAY: 'Overtime on rest days (休息日加班)',
  OVERTIME_HOLIDAY: 'Overtime on statutory holidays (法定节假日加班)',
  YEAR_END_BONUS: 'Year-end bonus (年终奖)',
  TOP_UP: 'Year-end top-up (年终补差)',
  REVERSAL: 'Reversal of a paid slip (冲销)',
  PENSION: 'Pension (养老保险)',
  MEDICAL: 'Medical incl. maternity (医疗保险)',
  UNEMPLOYMENT: 'Unemployment (失业保险)',
  WORK_INJURY: 'Work injury (工伤保险)',
  HOUSING_FUND: 'Housing fund (住房公积金)',
  IIT: 'Individual income tax (个人所得税)',
  IIT_BONUS: 'Tax on year-end bonus (全年一次性奖金个税)',
  RECOVERY: 'Recovery of an earlier shortfall (追回)',
  RECOVERY_CARRIED: 'Shortfall carried to the next run (结转下期扣回)',
  CONTRIBUTION_BASE: 'Contribution base (缴费基数)',
  HOUSING_FUND_BASE: 'Housing fund base (公积金缴存基数)',
};

/** The usual rule of each component: stored as '' (most lines), spelled out only when different (pro-rated, merged bonus, …). */
const DEFAULT_RULE: Readonly<Record<string, string>> = {
  'E:BASE': 'GRADE_COEFFICIENT_X_UNIT_VALUE', 'E:QUALIFICATION': 'QUALIFICATION_BY_LEVEL', 'E:LONG_SERVICE': 'LONG_SERVICE_BY_YEARS',
  'E:CROSS_APPOINTMENT': 'PER_EXTRA_BODY', 'E:SHIFT': 'PER_SHIFT', 'E:SECONDED_IN': 'SECONDED_IN_MONTHLY', 'E:ARREARS': 'ARREARS_AS_GIVEN',
  'E:OVERTIME_WORKDAY': 'BASE_DIV_21_75_DIV_8_X_MULTIPLIER', 'E:OVERTIME_REST_DAY': 'BASE_DIV_21_75_DIV_8_X_MULTIPLIER', 'E:OVERTIME_HOLIDAY': 'BASE_DIV_21_75_DIV_8_X_MULTIPLIER',
  'C:PENSION': 'CLAMPED_BASE_X_EMPLOYEE_RATE', 'C:MEDICAL': 'CLAMPED_BASE_X_EMPLOYEE_RATE', 'C:UNEMPLOYMENT': 'CLAMPED_BASE_X_EMPLOYEE_RATE',
  'C:WORK_INJURY': 'CLAMPED_BASE_X_EMPLOYEE_RATE', 'C:HOUSING_FUND': 'CLAMPED_BASE_X_EMPLOYEE_RATE',
  'R:PENSION': 'CLAMPED_BASE_X_EMPLOYER_RATE', 'R:MEDICAL': 'CLAMPED_BASE_X_EMPLOYER_RATE', 'R:UNEMPLOYMENT': 'CLAMPED_BASE_X_EMPLOYER_RATE',
  'R:WORK_INJURY': 'CLAMPED_BASE_X_EMPLOYER_RATE', 'R:HOUSING_FUND': 'CLAMPED_BASE_X_EMPLOYER_RATE',
  'T:IIT': 'CUMULATIVE_WITHHOLDING', 'T:IIT_BONUS': 'BONUS_SEPARATE_MONTHLY_TABLE', 'D:RECOVERY': 'RECOVERY_UP_TO_NET', 'I:RECOVERY_CARRIED': 'NET_NEVER_NEGATIVE',
  'I:CONTRIBUTION_BASE': 'BASE_PREVIOUS_YEAR_AVERAGE', 'I:HOUSING_FUND_BASE': 'BASE_DECLARED',
};

type Tuple = [string, string, string, string, (string | null)?, (string | null)?, (0 | 1)?, string?];

export function encodeLines(lines: PayslipLineOut[]): string {
  const out: Tuple[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const k = KIND_CODE[l.kind];
    const t: Tuple = [k, l.code, formatMoney(l.amount), DEFAULT_RULE[`${k}:${l.code}`] === l.rule ? '' : l.rule];
    // The label is stored only where it differs from the standard one (an edited policy label, a one-off award).
    const label = l.code === 'ARREARS' || COMPONENT_LABELS[l.code] === l.label ? undefined : l.label;
    const last = label !== undefined ? 7 : l.derived ? 6 : l.refPeriod ? 5 : l.policyRowId ? 4 : 3;
    if (last >= 4) t[4] = l.policyRowId;
    if (last >= 5) t[5] = l.refPeriod ?? null;
    if (last >= 6) t[6] = l.derived ? 1 : 0;
    if (last >= 7) t[7] = label;
    out[i] = t;
  }
  return JSON.stringify(out);
}

export function decodeLines(text: string): PayslipLine[] {
  const tuples = JSON.parse(text) as Tuple[];
  return tuples.map(([k, code, amount, rule, policyRowId, refPeriod, derived, label]) => {
    const line: PayslipLine = {
      kind: KIND_OF[k], code, label: label ?? labelOf(code, amount, refPeriod ?? undefined), amount, rule: rule || DEFAULT_RULE[`${k}:${code}`], policyRowId: policyRowId ?? null,
    };
    if (refPeriod) line.refPeriod = refPeriod;
    if (derived) line.derived = true;
    return line;
  });
}

function labelOf(code: string, amount: string, refPeriod: string | undefined): string {
  if (code === 'ARREARS') return amount.startsWith('-') ? `Claw-back for ${refPeriod} (扣回)` : `Arrears for ${refPeriod} (补发)`;
  return COMPONENT_LABELS[code] ?? code;
}

/** The entity's view of the column: stored tuples in, `PayslipLine[]` JSON out. */
export const lineItemsTransformer = {
  to: (v: string | null): string | null => v,
  from: (v: string | null): string | null => (v === null ? null : JSON.stringify(decodeLines(v))),
};

/** The entity's view of `tax_state`: the stored array in, `PayslipTaxState` JSON out. */
export const taxStateTransformer = {
  to: (v: string | null): string | null => v,
  from: (v: string | null): string | null => (v === null ? null : JSON.stringify(taxStateToJson(decodeTaxState(v)))),
};
