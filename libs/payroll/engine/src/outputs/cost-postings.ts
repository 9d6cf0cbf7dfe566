/**
 * Cost postings of a paid run to the budget: per (funder, stream, community), the wages (Σ gross)
 * and the employer's contributions, each one posting with a stable source reference
 * `payroll-run:<runId>:<community>:<stream>:<WAGES|EMPLOYER>` — the budget books a reference once,
 * so sending them again changes nothing. The stream of a worker is the COST_STREAM row of the body
 * of their primary appointment (DEFAULT when they hold none); the funder is the row's (the worker's
 * district, or the city). A CORRECTION run's negative posting (pay lowered) names, as `refundOf`, the
 * posting of the corrected run for the same account: the budget gives the money back to the allocation
 * that paid it.
 */
import type { Fen } from '@cws/kernel';
import { byPlace, type OutputPayslip } from './output-payslip';

export interface CostStreamRule {
  /** PARTY, COMMITTEE, STATION or DEFAULT. */
  bodyKind: string;
  stream: string;
  funder: 'DISTRICT' | 'CITY';
}

export type CostPart = 'WAGES' | 'EMPLOYER';

export interface RunCostPosting {
  sourceRef: string;
  funder: string;
  stream: string;
  districtCode: string;
  streetCode: string;
  communityCode: string;
  part: CostPart;
  amountFen: Fen;
  workers: number;
  /** A refund's: the source reference of the corrected run's posting for the same account. */
  refundOf?: string;
}

export const runSourceRefPrefix = (runId: string): string => `payroll-run:${runId}:`;

export function costStreamOf(rules: CostStreamRule[], primaryBody: string | null): CostStreamRule {
  const rule = rules.find((r) => r.bodyKind === primaryBody) ?? rules.find((r) => r.bodyKind === 'DEFAULT');
  if (!rule) throw new Error(`no COST_STREAM row for body ${primaryBody ?? 'none'} and no DEFAULT row`);
  return rule;
}

/** Missing mapping rows are named, so the caller can refuse before anything is posted. */
export function missingCostStreams(rules: CostStreamRule[], bodies: Iterable<string | null>): string[] {
  if (rules.some((r) => r.bodyKind === 'DEFAULT')) return [];
  const missing = new Set<string>();
  for (const b of bodies) if (!rules.some((r) => r.bodyKind === b)) missing.add(`COST_STREAM:${b ?? 'DEFAULT'}`);
  return [...missing].sort();
}

/**
 * Home-paid slips only (a host-paid secondee costs us nothing); zero amounts are not posted. A
 * negative amount (a CORRECTION run that lowered pay) is posted too: the budget books it as a
 * refund that lowers spent, so Σ payslips = ledger holds for decreases as for increases.
 */
export function buildCostPostings(
  runId: string, slips: OutputPayslip[], primaryBodyOf: (workerId: number) => string | null, rules: CostStreamRule[], correctsRunId: string | null = null,
): RunCostPosting[] {
  const out = new Map<string, RunCostPosting>();
  for (const s of [...slips].sort(byPlace)) {
    if (s.payer !== 'HOME') continue;
    const rule = costStreamOf(rules, primaryBodyOf(s.workerId));
    const funder = rule.funder === 'CITY' ? 'CITY' : s.districtCode;
    for (const [part, amount] of [['WAGES', s.grossFen], ['EMPLOYER', s.employerContributionsFen]] as const) {
      const account = `${s.communityCode}:${rule.stream}:${part}${funder === 'CITY' ? ':CITY' : ''}`;
      const sourceRef = `${runSourceRefPrefix(runId)}${account}`;
      let p = out.get(sourceRef);
      if (!p) {
        p = { sourceRef, funder, stream: rule.stream, districtCode: s.districtCode, streetCode: s.streetCode, communityCode: s.communityCode, part, amountFen: 0n, workers: 0 };
        if (correctsRunId !== null) p.refundOf = `${runSourceRefPrefix(correctsRunId)}${account}`;
        out.set(sourceRef, p);
      }
      p.amountFen += amount;
      p.workers++;
    }
  }
  const posted = [...out.values()].filter((p) => p.amountFen !== 0n);
  // only a refund gives money back: a correction that raised pay is an expenditure like any other
  for (const p of posted) if (p.amountFen > 0n) delete p.refundOf;
  return posted;
}
