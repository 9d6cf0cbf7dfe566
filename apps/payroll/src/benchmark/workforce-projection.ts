/**
 * From the workforce snapshot to the engine's benchmark inputs. Pure: the snapshot comes from the
 * workers API, the policy from the policy tables.
 *
 * Each worker is projected month by month through the year: grade = entry grade for (post band,
 * education) + one step per N completed years of service at the first of the month (capped at the
 * band top); coefficient-driven pay = coefficient × unit value; everything else (qualification,
 * long service, cross-appointment, seconded-in subsidy, one-off awards) is computed by the
 * engine's computeWorkerMonth for that month and counted as fixed pay. Shift pay depends on the
 * rosters and is not projected. A worker hired during the year counts from the hire month.
 */
import { DomainError, formatMoney, fullYearsBetween, roundFen, parseRatio, type ErrorDetail, type Fen } from '@cws/kernel';
import {
  computeWorkerMonth, emptyYtd, entryGrade, type BenchmarkWorker, type PayrollPolicy, type PostBand, type YtdState,
} from '@cws/payroll-engine';
import type { WorkerSnapshot } from '@cws/workers-contracts';

export interface ProjectedWorker {
  worker: BenchmarkWorker;
  communityCode: string;
  /** Index 1–12: coefficient (decimal string) in that month, or null when not employed. */
  coefficientByMonth: (string | null)[];
  /** Index 1–12: non-coefficient pay of the month (fen). */
  fixedByMonth: Fen[];
}

const pad = (n: number) => String(n).padStart(2, '0');

export function projectWorkforce(snapshots: WorkerSnapshot[], policy: PayrollPolicy): ProjectedWorker[] {
  const year = policy.year;
  const coefficient = new Map(policy.payScale.grades.map((g) => [g.grade, g.coefficient]));
  const problems = new Map<string, ErrorDetail>();
  const out: ProjectedWorker[] = [];
  for (const s of snapshots) {
    const hireYear = Number(s.hireDate.slice(0, 4));
    if (hireYear > year) continue;
    const startMonth = hireYear === year ? Number(s.hireDate.slice(5, 7)) : 1;
    const coefficientByMonth: (string | null)[] = [null];
    const fixedByMonth: Fen[] = [0n];
    let ytd: YtdState = emptyYtd(year);
    let failed = false;
    for (let m = 1; m <= 12 && !failed; m++) {
      if (m < startMonth) {
        coefficientByMonth.push(null);
        fixedByMonth.push(0n);
        continue;
      }
      const years = fullYearsBetween(s.hireDate, `${year}-${pad(m)}-01`);
      try {
        const grade = entryGrade(policy, s.postBand as PostBand, s.education, Math.max(0, years)).grade;
        const coef = coefficient.get(grade);
        if (!coef) throw new DomainError('UNPROCESSABLE', 'GRADE_UNKNOWN', `no coefficient for grade ${grade}`, [{ path: `GRADE_COEFFICIENT:${pad(grade)}`, issue: 'no row in force' }]);
        const r = computeWorkerMonth(
          {
            workerId: String(s.workerId), year, month: m, band: s.postBand as PostBand, grade, serviceStartDate: s.hireDate,
            qualificationLevel: s.qualificationLevel === 'NONE' ? null : s.qualificationLevel,
            extraBodies: Math.max(0, s.bodiesHeld - 1), secondedIn: s.employmentType === 'SECONDED_IN', contributionBaseFen: 0n,
          },
          policy,
          ytd,
        );
        ytd = r.ytd;
        let fixed = 0n;
        for (const line of r.lines) if (line.kind === 'EARNING' && line.code !== 'BASE') fixed += line.amount;
        coefficientByMonth.push(coef);
        fixedByMonth.push(fixed);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        const detail = describe(e, s);
        problems.set(detail.path, detail);
        failed = true;
      }
    }
    if (failed) continue;
    const segments = new Map<string, number>();
    for (let m = 1; m <= 12; m++) {
      const c = coefficientByMonth[m];
      if (c !== null) segments.set(c, (segments.get(c) ?? 0) + 1);
    }
    out.push({
      worker: {
        id: String(s.workerId), district: s.districtCode, street: s.streetCode,
        segments: [...segments.entries()].map(([c, months]) => ({ coefficient: c, months })),
        fixedAnnualFen: fixedByMonth.reduce((a, b) => a + b, 0n),
      },
      communityCode: s.communityCode,
      coefficientByMonth,
      fixedByMonth,
    });
  }
  if (problems.size) {
    const details = [...problems.values()];
    throw new DomainError('UNPROCESSABLE', 'POLICY_DOES_NOT_COVER_WORKFORCE', `the ${year} policy does not cover every worker: ${details.map((d) => `${d.path} (${d.issue})`).join('; ')}`, details);
  }
  return out;
}

function describe(e: DomainError, s: WorkerSnapshot): ErrorDetail {
  if (e.code === 'ENTRY_GRADE_UNKNOWN') return { path: `ENTRY_GRADE:${s.postBand}:${s.education}`, issue: `no entry grade row (e.g. worker ${s.workerId})` };
  if (e.code === 'QUALIFICATION_UNKNOWN') return { path: `ALLOWANCE:QUALIFICATION.levels.${s.qualificationLevel}`, issue: `no allowance level (e.g. worker ${s.workerId})` };
  return { path: e.details[0]?.path ?? e.code, issue: `${e.message} (e.g. worker ${s.workerId})` };
}

/** Pay in months 1..k at a unit value (the same rounding as the payroll: coefficient × unit, to the fen). */
export function paidThroughMonth(p: ProjectedWorker, unitValueFen: Fen, k: number): { paid: Fen; months: number } {
  let paid = 0n;
  let months = 0;
  for (let m = 1; m <= k; m++) {
    const c = p.coefficientByMonth[m];
    if (c === null) continue;
    const r = parseRatio(c);
    paid += roundFen(unitValueFen * r.num, r.den) + p.fixedByMonth[m];
    months++;
  }
  return { paid, months };
}

/** a/b − 1 as a decimal fraction with six places, half up ("0.050000"). */
export function growth(a: Fen, b: Fen): string {
  const micro = roundFen(a * 1_000_000n, b) - 1_000_000n;
  const neg = micro < 0n;
  const abs = neg ? -micro : micro;
  return `${neg ? '-' : ''}${abs / 1_000_000n}.${String(abs % 1_000_000n).padStart(6, '0')}`;
}

export const money = formatMoney;
