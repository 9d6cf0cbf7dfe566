import { decimalMaxFen, formatMoney, parseMoney, residentIdIssue, type Fen } from '@cws/kernel';
import type { WorkerLookupResultView } from '@cws/workers-contracts';
import { asResidentId } from '../../api/workers';

/**
 * What a line of the list can get wrong; the form names the line and the issue in the user's language. RESIDENT_ID: not
 * a valid 身份证号; NOT_FOUND: no worker in the user's scope has it (known only once the list is looked up).
 */
export type BonusLineIssue = 'FORMAT' | 'AMOUNT' | 'DUPLICATE' | 'RESIDENT_ID' | 'NOT_FOUND';

export interface BonusLineProblem {
  line: number;
  issue: BonusLineIssue;
  /** who the line names, as the form shows it: the 编号, or a resident ID masked to its last four */
  who?: string;
}

export interface BonusLines {
  /** As the API takes them (`bonus.amounts`): each worker once, the amount with two places. */
  amounts: Array<{ workerId: number; amount: string }>;
  /** Lines naming the worker by 身份证号, still to be looked up (`resolveBonusLines`). */
  byResidentId: Array<{ line: number; residentId: string; amount: string; fen: Fen }>;
  totalFen: Fen;
  problems: BonusLineProblem[];
}

/** The API's bonus amount: at most 11 integer digits (`RunBonusAmountDto`). */
const MAX_BONUS_FEN = decimalMaxFen(13);
const WORKER_ID = /^\d{1,15}$/;
/** An amount as a sheet shows it: thousands separators only between groups of three, an optional ¥ before or 元 after. */
const AMOUNT = /^[¥￥]?(\d{1,3}(?:[,，]\d{3})+|\d+)(\.\d+)?元?$/;

/**
 * The two cells of a line: a spreadsheet's paste is tab-separated (an amount keeps its thousands separators); typed
 * by hand, a space or comma between (then the amount has none). Anything but two cells is refused, so a third column
 * (months, a year) can never run into the amount.
 */
function cellsOf(line: string): string[] {
  return line.includes('\t') ? line.split('\t').map((c) => c.trim()).filter(Boolean) : line.split(/[\s,，;；]+/).filter(Boolean);
}

/**
 * 按人奖金: the list an HR officer pastes from a spreadsheet, one worker a line — the worker's 编号 (ID) or full 身份证号,
 * then the amount ("12,000.00" from a sheet, "¥12000" and "12000元" read as 12000.00). Blank lines are skipped, and a
 * first line without digits (the sheet's header row). Lines are numbered as pasted, from 1.
 */
export function parseBonusLines(text: string): BonusLines {
  const out: BonusLines = { amounts: [], byResidentId: [], totalFen: 0n, problems: [] };
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || (i === 0 && !/\d/.test(line))) return;
    const cells = cellsOf(line);
    const byId = cells.length === 2 && WORKER_ID.test(cells[0]) && Number(cells[0]) >= 1;
    const residentId = cells.length === 2 ? asResidentId(cells[0]) : null;
    if (!byId && !residentId) return void out.problems.push({ line: i + 1, issue: 'FORMAT' });
    const who = residentId ? idTail(residentId) : String(Number(cells[0]));
    if (residentId && residentIdIssue(residentId)) return void out.problems.push({ line: i + 1, issue: 'RESIDENT_ID' });
    const fen = amountFen(cells[1]);
    if (fen === null || fen <= 0n) return void out.problems.push({ line: i + 1, issue: 'AMOUNT', who });
    const key = residentId ?? `#${who}`;
    if (seen.has(key)) return void out.problems.push({ line: i + 1, issue: 'DUPLICATE', who });
    seen.add(key);
    if (residentId) out.byResidentId.push({ line: i + 1, residentId, amount: formatMoney(fen), fen });
    else out.amounts.push({ workerId: Number(cells[0]), amount: formatMoney(fen) });
    out.totalFen += fen;
  });
  return out;
}

/** A resident ID as a message names it: its last four only. */
const idTail = (residentId: string) => `****${residentId.slice(-4)}`;

/** A sheet's amount in fen, or null when it is not one the API takes. */
function amountFen(cell: string): Fen | null {
  const m = AMOUNT.exec(cell);
  if (!m) return null;
  try {
    return parseMoney(`${m[1].replace(/[,，]/g, '')}${m[2] ?? ''}`, { maxAbsFen: MAX_BONUS_FEN });
  } catch {
    return null;
  }
}

/**
 * Turns the lines that name a worker by 身份证号 into 编号 with one lookup (the service matches them in the user's scope):
 * an ID with no worker there is NOT_FOUND on its line, and a worker named twice (by 编号 and by ID) is a DUPLICATE.
 */
export async function resolveBonusLines(parsed: BonusLines, lookup: (residentIds: string[]) => Promise<WorkerLookupResultView>): Promise<BonusLines> {
  if (!parsed.byResidentId.length) return parsed;
  const { found } = await lookup(parsed.byResidentId.map((r) => r.residentId));
  const workerAt = new Map(found.map((f) => [f.index, f.worker.id]));
  const out: BonusLines = { amounts: [...parsed.amounts], byResidentId: [], totalFen: parsed.totalFen, problems: [...parsed.problems] };
  const seen = new Set(out.amounts.map((a) => a.workerId));
  parsed.byResidentId.forEach((r, i) => {
    const workerId = workerAt.get(i);
    const problem: BonusLineIssue | null = workerId === undefined ? 'NOT_FOUND' : seen.has(workerId) ? 'DUPLICATE' : null;
    if (problem) {
      out.problems.push({ line: r.line, issue: problem, who: problem === 'DUPLICATE' ? String(workerId) : idTail(r.residentId) });
      out.totalFen -= r.fen;
      return;
    }
    seen.add(workerId!);
    out.amounts.push({ workerId: workerId!, amount: r.amount });
  });
  out.problems.sort((a, b) => a.line - b.line);
  return out;
}
