/**
 * The payroll service's demo policy: the engine's default (illustrative, labelled) policy for
 * 2024 through the demo's last year (2026, or the current year for the demo `npm start` seeds) as effective-dated rows, the published tax tables from 2019, special additional
 * deductions from 2023, and an illustrative smooth city-average-wage series. Idempotent: a row is
 * added only when no row of the same kind, key and start date exists (admin edits are kept).
 */
import { formatMoney, type Fen } from '@cws/kernel';
import { defaultPolicy, type AllowanceRule, type TaxBracket } from '@cws/payroll-engine';
import type { PolicyKind } from '@cws/payroll-contracts';
import type { DataSource } from 'typeorm';
import { keyOf } from '../policy/policy-data.dto';
import { PolicyRowRepository } from '../policy/policy-row.repository';

/** The year the demo was written for: the last policy year the seed writes unless told a later one. */
export const DEMO_POLICY_LAST_YEAR = 2026;
const FIRST_SEED_YEAR = 2024;
const ILLUSTRATIVE = 'illustrative demo value, not an official figure';

interface SeedRow {
  kind: PolicyKind;
  validFrom: string;
  validTo: string | null;
  sourceRef: string;
  data: Record<string, unknown>;
}

const m = (f: Fen) => formatMoney(f);
const brackets = (rows: TaxBracket[]) => rows.map((b) => ({ upTo: b.upToFen === null ? null : m(b.upToFen), rate: b.rate, quickDeduction: m(b.quickDeductionFen) }));

function allowanceData(a: AllowanceRule): Record<string, unknown> {
  const base = { kind: a.kind, code: a.code, label: a.label, prorate: a.prorate, taxFree: a.taxFree };
  switch (a.kind) {
    case 'QUALIFICATION':
      return { ...base, levels: a.levels.map((l) => ({ level: l.level, monthly: m(l.monthlyFen) })) };
    case 'LONG_SERVICE':
      return { ...base, bands: a.bands.map((b) => ({ minYears: b.minYears, monthly: m(b.monthlyFen) })) };
    case 'CROSS_APPOINTMENT':
      return { ...base, perBodyMonthly: m(a.perBodyMonthlyFen), maxBodies: a.maxBodies };
    case 'SHIFT':
      return { ...base, perShift: m(a.perShiftFen), maxShiftsPerMonth: a.maxShiftsPerMonth };
    case 'SECONDED_IN':
      return { ...base, monthly: m(a.monthlyFen) };
    case 'ONE_OFF':
      return { ...base, years: a.years, amount: m(a.amountFen) };
  }
}

/**
 * The demo rows through `lastYear`: a demo started in a later year than the one it was written in (the demo seed passes
 * the current year) still has a unit value, insurance and the city wage of the year before in force, so its runs compute.
 */
export function demoPolicyRows(lastYear = DEMO_POLICY_LAST_YEAR): SeedRow[] {
  const years = Array.from({ length: Math.max(lastYear, DEMO_POLICY_LAST_YEAR) - FIRST_SEED_YEAR + 1 }, (_, i) => FIRST_SEED_YEAR + i);
  const rows: SeedRow[] = [];
  const first = defaultPolicy(years[0]);
  const from = `${years[0]}-01-01`;
  const label = (source: string) => (/\[(firm|reported)\]|公告|法/.test(source) && !/demo/i.test(source) ? source : `${source} — ${ILLUSTRATIVE}`);

  // Income tax: the published tables (firm), in force since 2019.
  rows.push({ kind: 'TAX_TABLE', validFrom: '2019-01-01', validTo: null, sourceRef: first.tax.source, data: { basicDeductionMonthly: m(first.tax.basicDeductionMonthlyFen), brackets: brackets(first.tax.brackets) } });
  rows.push({ kind: 'BONUS_TAX', validFrom: '2019-01-01', validTo: null, sourceRef: first.bonusTax.source, data: { allowedFromYear: 2019, allowedToYear: Number(first.bonusTax.validUntil.slice(0, 4)), brackets: brackets(first.bonusTax.brackets) } });
  const sad = '国发〔2022〕21号 / 国发〔2023〕13号: monthly standards from 2023 (DOMAIN.md §4)';
  for (const [type, label2, monthly, per, note] of [
    ['CHILD_EDUCATION', 'Child education (子女教育)', '2000.00', 'PER_CHILD', undefined],
    ['INFANT_CARE', 'Infant care under 3 (3岁以下婴幼儿照护)', '2000.00', 'PER_CHILD', undefined],
    ['ELDERLY_SUPPORT', 'Elderly support (赡养老人)', '3000.00', 'PER_TAXPAYER', 'only child; otherwise a share of at most 1,500'],
    ['HOUSING_LOAN_INTEREST', 'Housing loan interest (住房贷款利息)', '1000.00', 'PER_TAXPAYER', 'cannot be combined with housing rent'],
    ['HOUSING_RENT', 'Housing rent, Hangzhou (住房租金)', '1500.00', 'PER_TAXPAYER', 'cannot be combined with housing loan interest'],
    ['CONTINUING_EDUCATION', 'Continuing education, degree (继续教育)', '400.00', 'PER_TAXPAYER', '3,600 once in the year a vocational certificate is obtained'],
  ] as const) {
    rows.push({ kind: 'SPECIAL_DEDUCTION', validFrom: '2023-01-01', validTo: null, sourceRef: sad, data: { type, label: label2, monthly, per, ...(note ? { note } : {}) } });
  }

  // Pay scale structure, entry grades, allowances, pro-rating, overtime: the same rows for every year.
  for (const b of first.payScale.bands) rows.push({ kind: 'POST_BAND', validFrom: from, validTo: null, sourceRef: label(b.source), data: { band: b.band, minGrade: b.minGrade, maxGrade: b.maxGrade } });
  for (const g of first.payScale.grades) rows.push({ kind: 'GRADE_COEFFICIENT', validFrom: from, validTo: null, sourceRef: label(g.source), data: { grade: g.grade, coefficient: g.coefficient } });
  for (const e of first.entryGrade.rows) rows.push({ kind: 'ENTRY_GRADE', validFrom: from, validTo: null, sourceRef: label(e.source), data: { band: e.band, education: e.education, baseGrade: e.baseGrade } });
  rows.push({ kind: 'GRADE_PROGRESSION', validFrom: from, validTo: null, sourceRef: label(first.entryGrade.source), data: { yearsPerStep: first.entryGrade.yearsPerStep } });
  for (const a of first.allowances) rows.push({ kind: 'ALLOWANCE', validFrom: from, validTo: null, sourceRef: label(a.source), data: allowanceData(a) });
  rows.push({ kind: 'PRO_RATING', validFrom: from, validTo: null, sourceRef: first.proRating.source, data: { basis: first.proRating.basis, standardDaysPerMonth: first.proRating.standardDaysPerMonth } });
  rows.push({ kind: 'OVERTIME', validFrom: from, validTo: null, sourceRef: first.overtime.source, data: { hoursPerDay: first.overtime.hoursPerDay, multipliers: first.overtime.multipliers, hourlyBase: first.overtime.hourlyBase } });
  for (const [bodyKind, stream] of [['PARTY', 'PARTY_BUILDING'], ['COMMITTEE', 'RESIDENTS_COMMITTEE'], ['STATION', 'SERVICE_STATION'], ['DEFAULT', 'RESIDENTS_COMMITTEE']]) {
    rows.push({ kind: 'COST_STREAM', validFrom: from, validTo: null, sourceRef: `pay follows the body of the primary appointment — ${ILLUSTRATIVE}`, data: { bodyKind, stream, funder: 'DISTRICT' } });
  }
  for (const [orgCode, name] of [['330102', '上城区'], ['330105', '拱墅区'], ['330106', '西湖区']]) {
    rows.push({ kind: 'PAYING_ACCOUNT', validFrom: from, validTo: null, sourceRef: `demo paying account — ${ILLUSTRATIVE}`, data: { orgCode, account: `120202110990${orgCode}0`, name: `杭州市${name}社区工作者工资专户` } });
  }
  rows.push({ kind: 'TOP_UP_RULE', validFrom: from, validTo: null, sourceRef: `district averages must reach the benchmark — ${ILLUSTRATIVE}`, data: { rule: 'AVERAGE', level: 'DISTRICT' } });

  // Year by year: unit value and insurance (each year's base switches in January in the demo).
  for (const [i, year] of years.entries()) {
    const p = defaultPolicy(year);
    const last = i === years.length - 1;
    rows.push({ kind: 'UNIT_VALUE', validFrom: `${year}-01-01`, validTo: null, sourceRef: label(p.payScale.source), data: { year, unitValue: m(p.payScale.unitValueFen) } });
    for (const it of p.insurance) {
      rows.push({
        kind: 'INSURANCE', validFrom: `${year}-01-01`, validTo: last ? null : `${year}-12-31`, sourceRef: label(it.source),
        data: { code: it.code, label: it.label, employerRate: it.employerRate, employeeRate: it.employeeRate, baseFloor: m(it.baseFloorFen), baseCeiling: m(it.baseCeilingFen), rounding: it.rounding },
      });
    }
  }

  // City average wage W(y), 2017 to the year before the last: the engine's smooth 5 %/year series anchored at the reported 2024 figure.
  for (let y = 2017; y <= years[years.length - 1] - 1; y++) {
    const w = defaultPolicy(y + 2).cityWages.find((c) => c.year === y)!;
    const sourceRef = y === 2024
      ? 'Hangzhou urban non-private units 2024 ≈ 167,177 元 [reported, DOMAIN.md §1]; caliber URBAN_NON_PRIVATE'
      : `illustrative smooth series (5 %/year) anchored at the reported Hangzhou non-private 2024 ≈ 167,177 元; caliber URBAN_NON_PRIVATE — ${ILLUSTRATIVE}`;
    rows.push({ kind: 'CITY_WAGE', validFrom: `${y + 1}-01-01`, validTo: null, sourceRef, data: { year: y, annual: m(w.annualFen), caliber: w.caliber } });
  }
  return rows;
}

export async function seedPayrollService(ds: DataSource, opts: { lastYear?: number } = {}): Promise<{ policyRows: number; added: number }> {
  const desired = demoPolicyRows(opts.lastYear);
  const policyRows = new PolicyRowRepository(ds);
  const existing = await policyRows.heads();
  const have = new Set(existing.map((r) => `${r.kind}|${r.key}|${r.validFrom}`));
  const openKeys = new Set(existing.filter((r) => r.validTo === null).map((r) => `${r.kind}|${r.key}`));
  const now = new Date();
  let added = 0;
  await ds.transaction(async (tx) => {
    for (const r of desired) {
      const key = keyOf(r.kind, r.data);
      // An admin's newer open row for the same key wins: the seed never adds a second open row.
      if (have.has(`${r.kind}|${key}|${r.validFrom}`) || (r.validTo === null && openKeys.has(`${r.kind}|${key}`))) continue;
      await policyRows.insert(tx, {
        kind: r.kind, key, validFrom: r.validFrom, validTo: r.validTo, data: r.data, sourceRef: r.sourceRef,
        createdBy: 'seed', createdByName: 'demo seed', createdAt: now,
      });
      added++;
    }
  });
  return { policyRows: desired.length, added };
}
