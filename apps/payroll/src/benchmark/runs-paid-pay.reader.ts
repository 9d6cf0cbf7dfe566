import { Injectable } from '@nestjs/common';
import { parseMoney, placeOfCode, type Scope } from '@cws/kernel';
import type { FrozenWorker, PaidWorkerMonth, PaidYear } from '@cws/payroll-engine';
import type { PayslipLine } from '@cws/payroll-contracts';
import { PayrollRunChunkRepository } from '../runs/payroll-run-chunk.repository';
import type { PayrollRunEntity } from '../runs/payroll-run.entities';
import { PayrollRunRepository } from '../runs/payroll-run.repository';
import { PayslipRepository } from '../runs/payslip.repository';
import { PaidPayReader } from './paid-pay.reader';

const PAGE = 5000;
const VARIABLE = /^(OVERTIME_|SHIFT$)/;

/** Does a run of scope `run` (null = city) cover the whole of `scope`? */
export const covers = (run: string | null, scope: string | null): boolean => run === null || (scope !== null && scope.startsWith(run));
/** Do the two scopes share any worker? */
const overlaps = (run: string | null, scope: string | null): boolean => run === null || scope === null || scope.startsWith(run) || run.startsWith(scope);

/**
 * Months 1..k are paid when each has a PAID REGULAR run covering the whole scope (a city run, or
 * the district's or the street's own). Within them every PAID run of the year that overlaps the
 * scope counts — bonus, top-up and correction runs too — slip by slip within the scope.
 */
export function paidThroughOf(runs: Array<Pick<PayrollRunEntity, 'period' | 'type' | 'scopeCode'>>, scope: string | null): number {
  const months = new Set(runs.filter((r) => r.type === 'REGULAR' && covers(r.scopeCode, scope)).map((r) => Number(r.period.slice(5, 7))));
  let k = 0;
  while (k < 12 && months.has(k + 1)) k++;
  return k;
}

function scopeOf(code: string | null): Scope {
  if (code === null) return { level: 'CITY' };
  const { district, street } = placeOfCode(code);
  return street ? { level: 'STREET', district, street } : { level: 'DISTRICT', district };
}

/** The benchmark's view of the payroll runs: what was actually paid this year (PaidPayReader). */
@Injectable()
export class RunsPaidPayReader extends PaidPayReader {
  constructor(
    private readonly chunks: PayrollRunChunkRepository,
    private readonly payslips: PayslipRepository,
    private readonly runs: PayrollRunRepository,
  ) {
    super();
  }

  async paidYear(year: number, scope: string | null): Promise<PaidYear> {
    const runs = (await this.runs.paidInYear(year)).filter((r) => overlaps(r.scopeCode, scope));
    const paidThrough = paidThroughOf(runs, scope);
    const months: PaidWorkerMonth[] = [];
    for (const run of runs) {
      const month = Number(run.period.slice(5, 7));
      if (month > paidThrough) continue;
      const frozen = new Map<number, FrozenWorker>();
      for await (const chunk of this.chunks.frozenWorkers(run.id, run.generation)) for (const w of chunk) frozen.set(w.workerId, w);
      let after: string | undefined;
      for (;;) {
        const page = await this.payslips.computedPage(run.id, scopeOf(scope), after, PAGE);
        for (const s of page) {
          const w = frozen.get(Number(s.workerId));
          if (!w) continue;
          const lines: PayslipLine[] = s.lines ? JSON.parse(s.lines) : [];
          let variable = 0n;
          for (const l of lines) if (l.kind === 'EARNING' && VARIABLE.test(l.code)) variable += parseMoney(l.amount, { allowNegative: true });
          months.push({
            workerId: String(s.workerId), month, districtCode: s.districtCode, streetCode: s.streetCode, communityCode: s.communityCode,
            hireDate: w.hireDate, leftDate: w.leftDate, secondedIn: w.employmentType === 'SECONDED_IN',
            secondedOutPaidBy: w.secondment?.direction === 'OUT' ? w.secondment.payer : null,
            grossFen: parseMoney(s.gross, { allowNegative: true }), variableFen: variable,
          });
        }
        if (page.length < PAGE) break;
        after = String(page[page.length - 1].id);
      }
    }
    return { paidThrough, months };
  }
}
