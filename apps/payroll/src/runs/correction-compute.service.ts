import { Injectable } from '@nestjs/common';
import { DomainError, type Fen, parseMoney } from '@cws/kernel';
import type { PayslipLine } from '@cws/payroll-contracts';
import {
  computePayslip, contributionReferenceYear, contributionYearStart, wageRecordOf, type CorrectedSlip, correctionPair, type FrozenWorker, type PayCalendar, type PayrollPolicy, type PayslipLineOut, taxFreeCodesOf, taxStateFromJson, type TaxStateJson,
} from '@cws/payroll-engine';
import { DeclaredBaseRepository } from '../contribution-bases/declared-base.repository';
import { addSlip, noTotals, type ChunkTotals } from './payroll-run-chunk.repository';
import type { PayrollRunEntity, PayslipEntity } from './payroll-run.entities';
import { PayslipRepository, type PayslipRow } from './payslip.repository';
import { computedRow, failedRow, groupByWorker, lowIncomeLastYear, recoveryOwed, type SlipPlace, stateOfYear } from './slip-rows';

const fen = (s: string): Fen => parseMoney(s, { allowNegative: true });

/** A stored slip as the engine's correction rules read it. */
export function correctedSlipOf(s: PayslipEntity): CorrectedSlip {
  const lines = (s.lines ? (JSON.parse(s.lines) as PayslipLine[]) : []).map((l): PayslipLineOut => {
    const out: PayslipLineOut = { kind: l.kind, code: l.code, label: l.label, amount: fen(l.amount), rule: l.rule, policyRowId: l.policyRowId };
    if (l.refPeriod) out.refPeriod = l.refPeriod;
    if (l.derived) out.derived = true;
    return out;
  });
  return {
    payer: s.payer, band: s.band, grade: s.grade, gradeSource: s.gradeSource, lines,
    gross: fen(s.gross), employeeContributions: fen(s.employeeContributions), tax: fen(s.tax), recoveries: fen(s.recoveries), net: fen(s.net),
    employerContributions: fen(s.employerContributions),
    taxState: s.taxState ? taxStateFromJson(JSON.parse(s.taxState) as TaxStateJson) : null,
  };
}

/**
 * One chunk of a CORRECTION run: per worker, the slip being corrected (the corrected run's, or the
 * re-issue of its latest settled correction), its REVERSAL, and its REISSUE recomputed for the
 * period from the frozen inputs (today's register as of the period's last day, the period's
 * policy), starting from the tax state the corrected slip started from and with its arrears items.
 */
@Injectable()
export class CorrectionComputeService {
  constructor(
    private readonly declaredBases: DeclaredBaseRepository,
    private readonly payslips: PayslipRepository,
  ) {}

  async computeChunk(run: PayrollRunEntity, at: SlipPlace, workers: FrozenWorker[], policy: PayrollPolicy, calendar: PayCalendar | null): Promise<{ rows: PayslipRow[]; totals: ChunkTotals }> {
    const ids = workers.map((w) => w.workerId);
    const year = Number(run.period.slice(0, 4));
    const corrected = await this.payslips.correctable(String(run.correctsRunId), ids);
    // The whole year in settlement order: the corrected slip's starting state and the latest state.
    // The base as the period had it: the reference year's wages, or a full month before the corrected one.
    const baseYear = contributionReferenceYear(run.period, policy);
    const settled = groupByWorker(await this.payslips.settledSince(ids, `${Math.min(year - 1, baseYear)}-01`, `${year + 1}-01`));
    const declared = await this.declaredBases.inForce(ids, contributionYearStart(run.period, policy), run.period);
    const taxFreeCodes = taxFreeCodesOf(policy);
    const rows: PayslipRow[] = [];
    const totals = noTotals();
    for (const w of workers) {
      const orig = corrected.get(w.workerId);
      const place = { ...at, slipKind: 'REISSUE' as const, correctsPayslipId: orig ? String(orig.id) : null };
      try {
        if (!orig) throw new DomainError('CONFLICT', 'PAYROLL_CORRECTION_NO_SLIP', `worker ${w.workerId} has no computed slip in run ${run.correctsRunId}`, []);
        const history = settled.get(w.workerId) ?? [];
        const original = correctedSlipOf(orig);
        const arrears = original.lines.filter((l) => l.code === 'ARREARS' && l.refPeriod).map((l) => ({ refPeriod: l.refPeriod!, amountFen: l.amount }));
        const reissue = computePayslip({
          period: run.period, worker: w, calendar, arrears, recoveryOwedFen: original.recoveries, lowIncomeLastYear: lowIncomeLastYear(history, year), wages: wageRecordOf(history, baseYear, run.period), declaredBase: declared.get(w.workerId),
          // Where the corrected slip started: the latest settled state of an earlier month, corrections aside.
          state: stateOfYear(history, year, (s) => s.period < run.period && s.runType !== 'CORRECTION'),
        }, policy);
        const pair = correctionPair({ corrected: original, reissue, latestState: stateOfYear(history, year), latestRecoveryBalanceFen: recoveryOwed(history), taxFreeCodes });
        // The reversal stands where the corrected slip stood (its place and account), so each place's sums net out.
        const where = { ...w, districtCode: orig.districtCode, streetCode: orig.streetCode, communityCode: orig.communityCode, bankAccountEnc: orig.bankAccount };
        rows.push(computedRow({ ...place, slipKind: 'REVERSAL' }, where, pair.reversal), computedRow(place, w, pair.reissue));
        addSlip(totals, pair.reversal);
        addSlip(totals, pair.reissue);
        totals.done++;
      } catch (e) {
        rows.push(failedRow(place, w, e));
        totals.failed++;
      }
    }
    return { rows, totals };
  }
}
