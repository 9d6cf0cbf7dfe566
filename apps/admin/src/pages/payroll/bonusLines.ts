import { decimalMaxFen, formatMoney, parseMoney, type Fen } from '@cws/kernel';

/** What a line of the list can get wrong; the form names the line and the issue in the user's language. */
export type BonusLineIssue = 'FORMAT' | 'AMOUNT' | 'DUPLICATE';

export interface BonusLines {
  /** As the API takes them (`bonus.amounts`): each worker once, the amount with two places. */
  amounts: Array<{ workerId: number; amount: string }>;
  totalFen: Fen;
  problems: Array<{ line: number; issue: BonusLineIssue; workerId?: number }>;
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
 * 按人奖金: the list an HR officer pastes from a spreadsheet, one worker a line — the worker's 编号 (ID), then the
 * amount ("12,000.00" from a sheet, "¥12000" and "12000元" read as 12000.00). Blank lines are skipped, and a first line
 * without digits (the sheet's header row). Lines are numbered as pasted, from 1.
 */
export function parseBonusLines(text: string): BonusLines {
  const out: BonusLines = { amounts: [], totalFen: 0n, problems: [] };
  const seen = new Set<number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || (i === 0 && !/\d/.test(line))) return;
    const cells = cellsOf(line);
    if (cells.length !== 2 || !WORKER_ID.test(cells[0]) || Number(cells[0]) < 1) return void out.problems.push({ line: i + 1, issue: 'FORMAT' });
    const workerId = Number(cells[0]);
    const m = AMOUNT.exec(cells[1]);
    let fen: Fen | null = null;
    try {
      if (m) fen = parseMoney(`${m[1].replace(/[,，]/g, '')}${m[2] ?? ''}`, { maxAbsFen: MAX_BONUS_FEN });
    } catch {
      fen = null;
    }
    if (fen === null || fen <= 0n) return void out.problems.push({ line: i + 1, issue: 'AMOUNT', workerId });
    if (seen.has(workerId)) return void out.problems.push({ line: i + 1, issue: 'DUPLICATE', workerId });
    seen.add(workerId);
    out.amounts.push({ workerId, amount: formatMoney(fen) });
    out.totalFen += fen;
  });
  return out;
}
