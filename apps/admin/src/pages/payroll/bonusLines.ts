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
const LINE = /^(\d{1,15})[\s,，;；]+(.+)$/;

/**
 * 按人奖金: the list an HR officer pastes from a spreadsheet, one worker a line — the worker's ID, then the amount
 * (tab, space or comma between; "12,000.00", "¥12000" and "12000元" read as 12000.00). Blank lines are skipped, and a
 * first line without digits (the sheet's header row). Lines are numbered as pasted, from 1.
 */
export function parseBonusLines(text: string): BonusLines {
  const out: BonusLines = { amounts: [], totalFen: 0n, problems: [] };
  const seen = new Set<number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || (i === 0 && !/\d/.test(line))) return;
    const m = LINE.exec(line);
    const workerId = m ? Number(m[1]) : NaN;
    if (!m || !Number.isSafeInteger(workerId) || workerId < 1) return void out.problems.push({ line: i + 1, issue: 'FORMAT' });
    let fen: Fen;
    try {
      fen = parseMoney(m[2].replace(/[,，¥￥元\s]/g, ''), { maxAbsFen: MAX_BONUS_FEN });
    } catch {
      return void out.problems.push({ line: i + 1, issue: 'AMOUNT', workerId });
    }
    if (fen <= 0n) return void out.problems.push({ line: i + 1, issue: 'AMOUNT', workerId });
    if (seen.has(workerId)) return void out.problems.push({ line: i + 1, issue: 'DUPLICATE', workerId });
    seen.add(workerId);
    out.amounts.push({ workerId, amount: formatMoney(fen) });
    out.totalFen += fen;
  });
  return out;
}
