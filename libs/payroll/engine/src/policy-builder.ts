/**
 * Builds the engine's policy object for a payroll year from stored rows. Pure: the service loads
 * the rows, this picks the ones that apply and converts them (decimal strings → fen).
 *
 * Which rows apply to year Y, as of date D (default Y-01-01):
 * - year-keyed kinds (CITY_WAGE, COMMUNITY_WAGE, UNIT_VALUE): the open row for that year — the
 *   latest figure known about a year, whenever it was entered;
 * - INSURANCE: every row in force at some time in Y; a row's valid_from month is its switch
 *   month (the engine applies, each month, the latest row not after it);
 * - every other kind: the row in force on D.
 */
import { DomainError, formatMoney, parseMoney, type Fen, type RoundingRule } from '@cws/kernel';
import type {
  AllowanceRule, BonusTaxTable, CityWageRow, InsuranceItem, PayrollPolicy, PostBand, TaxBracket, TaxTable, WageCaliber,
} from './policy';
import { YEAR_KEYED_KINDS, type PolicyKind } from './policy-kinds';

export interface StoredPolicyRow {
  id: string;
  kind: PolicyKind;
  key: string;
  validFrom: string;
  validTo: string | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any;
  sourceRef: string;
}

export const inForceOn = (r: StoredPolicyRow, date: string): boolean => r.validFrom <= date && (r.validTo === null || r.validTo >= date);

/** The rows that apply to year `year` as of `asOf` (see the module comment). */
export function applicableRows(rows: StoredPolicyRow[], year: number, asOf = `${year}-01-01`): StoredPolicyRow[] {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return rows.filter((r) => {
    if (YEAR_KEYED_KINDS.includes(r.kind)) return r.validTo === null;
    // A row superseded before it took effect (valid_to < valid_from) never applies.
    if (r.kind === 'INSURANCE') return r.validFrom <= last && (r.validTo === null || (r.validTo >= first && r.validTo >= r.validFrom));
    return inForceOn(r, asOf);
  });
}

const fen = (s: string): Fen => parseMoney(s);
const ILLUSTRATIVE = /illustrative|demo/i;

function brackets(row: StoredPolicyRow): TaxBracket[] {
  return (row.data.brackets as Array<{ upTo: string | null; rate: string; quickDeduction: string }>).map((b, i) => ({
    id: `${row.id}.${i + 1}`,
    source: row.sourceRef,
    upToFen: b.upTo === null ? null : fen(b.upTo),
    rate: b.rate,
    quickDeductionFen: fen(b.quickDeduction),
  }));
}

export function taxTableOf(row: StoredPolicyRow): TaxTable {
  return { id: row.id, source: row.sourceRef, basicDeductionMonthlyFen: fen(row.data.basicDeductionMonthly), brackets: brackets(row) };
}

export function bonusTableOf(row: StoredPolicyRow): BonusTaxTable & { allowedFromYear: number } {
  return { id: row.id, source: row.sourceRef, validUntil: `${row.data.allowedToYear}-12-31`, allowedFromYear: row.data.allowedFromYear, brackets: brackets(row) };
}

function allowanceOf(row: StoredPolicyRow): AllowanceRule {
  const d = row.data;
  const base = { id: row.id, source: row.sourceRef, code: d.code as string, label: d.label as string, prorate: !!d.prorate, taxFree: !!d.taxFree };
  switch (d.kind) {
    case 'QUALIFICATION':
      return { ...base, kind: 'QUALIFICATION', levels: (d.levels as Array<{ level: string; monthly: string }>).map((l, i) => ({ id: `${row.id}.${i + 1}`, source: row.sourceRef, level: l.level, monthlyFen: fen(l.monthly) })) };
    case 'LONG_SERVICE':
      return { ...base, kind: 'LONG_SERVICE', bands: (d.bands as Array<{ minYears: number; monthly: string }>).map((b, i) => ({ id: `${row.id}.${i + 1}`, source: row.sourceRef, minYears: b.minYears, monthlyFen: fen(b.monthly) })) };
    case 'CROSS_APPOINTMENT':
      return { ...base, kind: 'CROSS_APPOINTMENT', perBodyMonthlyFen: fen(d.perBodyMonthly), maxBodies: d.maxBodies };
    case 'SHIFT':
      return { ...base, kind: 'SHIFT', perShiftFen: fen(d.perShift), maxShiftsPerMonth: d.maxShiftsPerMonth };
    case 'SECONDED_IN':
      return { ...base, kind: 'SECONDED_IN', monthlyFen: fen(d.monthly) };
    default:
      return { ...base, kind: 'ONE_OFF', years: d.years, amountFen: fen(d.amount) };
  }
}

function insuranceOf(row: StoredPolicyRow, year: number): InsuranceItem {
  const d = row.data;
  const from = row.validFrom < `${year}-01-01` ? `${year}-01` : row.validFrom.slice(0, 7);
  return {
    id: row.id, source: row.sourceRef, code: d.code, label: d.label, validFrom: from, employerRate: d.employerRate, employeeRate: d.employeeRate,
    baseFloorFen: fen(d.baseFloor), baseCeilingFen: fen(d.baseCeiling), rounding: d.rounding as RoundingRule,
    ...(from === row.validFrom.slice(0, 7) ? {} : { startedIn: row.validFrom.slice(0, 7) }),
    ...(d.switchMonth ? { switchMonth: d.switchMonth } : {}),
  };
}

export function cityWageOf(row: StoredPolicyRow): CityWageRow {
  return { id: row.id, source: `${row.sourceRef} [caliber ${row.data.caliber}]`, year: row.data.year, annualFen: fen(row.data.annual), caliber: row.data.caliber as WageCaliber };
}

export class PolicyIncompleteError extends DomainError {
  constructor(year: number, asOf: string, missing: string[]) {
    super('UNPROCESSABLE', 'POLICY_INCOMPLETE', `the policy tables have no rows in force for ${year} (as of ${asOf}): ${missing.join(', ')}`,
      missing.map((m) => ({ path: m, issue: 'no row in force' })));
  }
}

/** The engine policy for `year` from the applicable rows; throws POLICY_INCOMPLETE (422) naming what is missing. */
export function buildPolicy(all: StoredPolicyRow[], year: number, asOf = `${year}-01-01`): PayrollPolicy {
  const rows = applicableRows(all, year, asOf);
  const of = (kind: PolicyKind) => rows.filter((r) => r.kind === kind);
  const one = (kind: PolicyKind, key?: string) => of(kind).find((r) => key === undefined || r.key === key);
  const missing: string[] = [];
  const need = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) missing.push(name);
    return value as T;
  };
  const unit = need(one('UNIT_VALUE', String(year)), `UNIT_VALUE:${year}`);
  const bands = of('POST_BAND');
  if (bands.length < 3) missing.push('POST_BAND');
  const grades = of('GRADE_COEFFICIENT');
  if (!grades.length) missing.push('GRADE_COEFFICIENT');
  const entry = of('ENTRY_GRADE');
  if (!entry.length) missing.push('ENTRY_GRADE');
  const progression = need(one('GRADE_PROGRESSION'), 'GRADE_PROGRESSION');
  const tax = need(one('TAX_TABLE'), 'TAX_TABLE');
  const bonus = need(one('BONUS_TAX'), 'BONUS_TAX');
  const proRating = need(one('PRO_RATING'), 'PRO_RATING');
  const overtime = need(one('OVERTIME'), 'OVERTIME');
  if (missing.length) throw new PolicyIncompleteError(year, asOf, missing);

  const cityWages = of('CITY_WAGE').filter((r) => r.data.year === year - 1 || r.data.year === year - 2).map(cityWageOf);
  return {
    year,
    illustrative: rows.some((r) => ILLUSTRATIVE.test(r.sourceRef)),
    payScale: {
      id: unit.id, source: unit.sourceRef, year, unitValueFen: fen(unit.data.unitValue),
      bands: bands.map((b) => ({ id: b.id, source: b.sourceRef, band: b.data.band as PostBand, minGrade: b.data.minGrade, maxGrade: b.data.maxGrade })),
      grades: grades.map((g) => ({ id: g.id, source: g.sourceRef, grade: g.data.grade, coefficient: g.data.coefficient })),
    },
    entryGrade: {
      id: progression.id, source: progression.sourceRef, yearsPerStep: progression.data.yearsPerStep,
      rows: entry.map((e) => ({ id: e.id, source: e.sourceRef, band: e.data.band as PostBand, education: e.data.education, baseGrade: e.data.baseGrade })),
    },
    allowances: of('ALLOWANCE').map(allowanceOf),
    insurance: of('INSURANCE').map((r) => insuranceOf(r, year)),
    tax: taxTableOf(tax),
    bonusTax: bonusTableOf(bonus),
    proRating: { id: proRating.id, source: proRating.sourceRef, basis: proRating.data.basis, standardDaysPerMonth: proRating.data.standardDaysPerMonth },
    overtime: { id: overtime.id, source: overtime.sourceRef, hoursPerDay: overtime.data.hoursPerDay, multipliers: overtime.data.multipliers, ...(overtime.data.hourlyBase ? { hourlyBase: overtime.data.hourlyBase } : {}) },
    cityWages,
  };
}

/** JSON for a policy object: fen (bigint) as decimal strings. */
export function policyToJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? formatMoney(v) : v)));
}
