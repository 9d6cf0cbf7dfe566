/**
 * A policy prepared for the hot path: ratios parsed, lookups indexed, monthly bases by grade
 * precomputed. Compiled once per policy object (cached by identity), so callers simply pass the
 * plain policy.
 */
import { type Fen, type Ratio, parseRatio, roundFen, validationError } from '@cws/kernel';
import type {
  AllowanceRule,
  CrossAppointmentAllowance,
  InsuranceItem,
  LongServiceAllowance,
  OneOffServiceAward,
  OvertimeHourlyBase,
  OvertimeKind,
  PayrollPolicy,
  PostBand,
  QualificationAllowance,
  SecondedInAllowance,
  ShiftAllowance,
} from './policy';
import { type PreparedRate, prepareRate } from './rate';
import { compileBrackets } from './tax';

export interface CompiledGrade {
  grade: number;
  coefficient: Ratio;
  monthlyBaseFen: Fen;
  rowId: string;
}

export interface CompiledInsurance {
  item: InsuranceItem;
  employerRate: PreparedRate;
  employeeRate: PreparedRate;
  /** Uses the housing-fund base when the input gives one. */
  housingFund: boolean;
}

export interface CompiledPolicy {
  policy: PayrollPolicy;
  /** Indexed by grade number; undefined where the scale has no row. */
  grades: (CompiledGrade | undefined)[];
  bands: Record<PostBand, { minGrade: number; maxGrade: number; rowId: string }>;
  qualification: { rule: QualificationAllowance; byLevel: Map<string, { monthlyFen: Fen; rowId: string }> } | null;
  /** Bands sorted by minYears descending, so the first reached wins. */
  longService: { rule: LongServiceAllowance; bands: { minYears: number; monthlyFen: Fen; rowId: string }[] } | null;
  cross: CrossAppointmentAllowance | null;
  shift: ShiftAllowance | null;
  seconded: SecondedInAllowance | null;
  oneOffs: OneOffServiceAward[];
  /** Index 1–12: the insurance rows in force in that month of the policy year. */
  insuranceByMonth: CompiledInsurance[][];
  standardDays: Ratio;
  overtime: Record<OvertimeKind, Ratio>;
  overtimeHourlyBase: OvertimeHourlyBase;
  /** Denominator part of the hourly rate: standard days × hours per day, as a ratio (num/den). */
  hourlyDivisor: Ratio;
}

const cache = new WeakMap<PayrollPolicy, CompiledPolicy>();

export function compilePolicy(policy: PayrollPolicy): CompiledPolicy {
  const hit = cache.get(policy);
  if (hit) return hit;
  const compiled = build(policy);
  cache.set(policy, compiled);
  return compiled;
}

function only<K extends AllowanceRule['kind']>(rules: AllowanceRule[], kind: K): Extract<AllowanceRule, { kind: K }> | null {
  const found = rules.filter((r) => r.kind === kind);
  if (found.length > 1) throw validationError('POLICY_INVALID', `allowances.${kind}`, `only one ${kind} allowance rule may be in force`);
  return (found[0] as Extract<AllowanceRule, { kind: K }> | undefined) ?? null;
}

function build(policy: PayrollPolicy): CompiledPolicy {
  const unit = policy.payScale.unitValueFen;
  const grades: (CompiledGrade | undefined)[] = [];
  for (const g of policy.payScale.grades) {
    const coefficient = parseRatio(g.coefficient);
    grades[g.grade] = { grade: g.grade, coefficient, monthlyBaseFen: roundFen(unit * coefficient.num, coefficient.den), rowId: g.id };
  }
  const bands = {} as CompiledPolicy['bands'];
  for (const b of policy.payScale.bands) bands[b.band] = { minGrade: b.minGrade, maxGrade: b.maxGrade, rowId: b.id };

  const qual = only(policy.allowances, 'QUALIFICATION');
  const long = only(policy.allowances, 'LONG_SERVICE');

  const insuranceByMonth: CompiledInsurance[][] = [[]];
  for (let m = 1; m <= 12; m++) {
    const period = `${policy.year}-${String(m).padStart(2, '0')}`;
    const latest = new Map<string, InsuranceItem>();
    for (const item of policy.insurance) {
      if (item.validFrom > period) continue;
      const prev = latest.get(item.code);
      if (!prev || item.validFrom > prev.validFrom) latest.set(item.code, item);
    }
    insuranceByMonth.push(
      [...latest.values()].map((item) => ({
        item,
        employerRate: prepareRate(parseRatio(item.employerRate)),
        employeeRate: prepareRate(parseRatio(item.employeeRate)),
        housingFund: item.code === 'HOUSING_FUND',
      })),
    );
  }

  const standardDays = parseRatio(policy.proRating.standardDaysPerMonth);
  compileBrackets(policy.tax.brackets);
  compileBrackets(policy.bonusTax.brackets);
  return {
    policy,
    grades,
    bands,
    qualification: qual && { rule: qual, byLevel: new Map(qual.levels.map((l) => [l.level, { monthlyFen: l.monthlyFen, rowId: l.id }])) },
    longService: long && {
      rule: long,
      bands: [...long.bands].sort((a, b) => b.minYears - a.minYears).map((b) => ({ minYears: b.minYears, monthlyFen: b.monthlyFen, rowId: b.id })),
    },
    cross: only(policy.allowances, 'CROSS_APPOINTMENT'),
    shift: only(policy.allowances, 'SHIFT'),
    seconded: only(policy.allowances, 'SECONDED_IN'),
    oneOffs: policy.allowances.filter((r): r is OneOffServiceAward => r.kind === 'ONE_OFF'),
    insuranceByMonth,
    standardDays,
    overtime: {
      WORKDAY: parseRatio(policy.overtime.multipliers.WORKDAY),
      REST_DAY: parseRatio(policy.overtime.multipliers.REST_DAY),
      HOLIDAY: parseRatio(policy.overtime.multipliers.HOLIDAY),
    },
    overtimeHourlyBase: policy.overtime.hourlyBase ?? 'BASE_PAY',
    hourlyDivisor: { num: standardDays.num * BigInt(policy.overtime.hoursPerDay), den: standardDays.den },
  };
}
