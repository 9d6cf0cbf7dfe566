import { describe, expect, it } from 'vitest';
import type { WorkerLookupResultView, WorkerRecordView } from '@cws/workers-contracts';
import { parseBonusLines, resolveBonusLines } from './bonusLines';

describe('parseBonusLines', () => {
  it('reads a sheet pasted with its header row: tab, comma or space between, thousands separators, ¥ and 元; blank lines skipped', () => {
    const r = parseBonusLines('工作者ID\t奖金\n1024\t12,000.00\n\n1025, ¥8000\n  1026   3600.5元  \n');
    expect(r.problems).toEqual([]);
    expect(r.amounts).toEqual([
      { workerId: 1024, amount: '12000.00' },
      { workerId: 1025, amount: '8000.00' },
      { workerId: 1026, amount: '3600.50' },
    ]);
    expect(r.totalFen).toBe(2_360_050n);
  });

  it('names each bad line as pasted: no amount, a name for an ID, three decimals, zero, a worker twice (the first kept)', () => {
    const r = parseBonusLines('1024\n张丽华 5000\n1025 12.345\n1026 0\n1027 100\n1027 200\n-5 100');
    expect(r.problems).toEqual([
      { line: 1, issue: 'FORMAT' },
      { line: 2, issue: 'FORMAT' },
      { line: 3, issue: 'AMOUNT', who: '1025' },
      { line: 4, issue: 'AMOUNT', who: '1026' },
      { line: 6, issue: 'DUPLICATE', who: '1027' },
      { line: 7, issue: 'FORMAT' },
    ]);
    expect(r.amounts).toEqual([{ workerId: 1027, amount: '100.00' }]);
  });

  it('refuses a line of more than two cells rather than run a third column into the amount (was: 1024⇥3⇥12000 read as 312,000.00)', () => {
    const r = parseBonusLines('1024\t3\t12000\n1025,12000,2024\n1026 12000 8000\n1027\t1,2000\n1028\t12 000');
    expect(r.problems).toEqual([
      { line: 1, issue: 'FORMAT' },
      { line: 2, issue: 'FORMAT' },
      { line: 3, issue: 'FORMAT' },
      { line: 4, issue: 'AMOUNT', who: '1027' },
      { line: 5, issue: 'AMOUNT', who: '1028' },
    ]);
    expect(r.amounts).toEqual([]);
  });

  it('refuses what the API would: more than 11 integer digits, an ID of 17 digits; a first line with digits is data, not a header', () => {
    expect(parseBonusLines('1 99999999999.99').amounts).toEqual([{ workerId: 1, amount: '99999999999.99' }]);
    expect(parseBonusLines('1 100000000000').problems).toEqual([{ line: 1, issue: 'AMOUNT', who: '1' }]);
    expect(parseBonusLines('99999999999999999 1').problems).toEqual([{ line: 1, issue: 'FORMAT' }]);
    expect(parseBonusLines('ID2024 bonus').problems).toEqual([{ line: 1, issue: 'FORMAT' }]);
  });

  it('takes a full 身份证号 instead of the 编号 (a lowercase x read as X); a bad one, or one listed twice, is named by its last four', () => {
    const r = parseBonusLines('身份证号\t奖金\n11010519491231002x\t5,000.00\n330106198503150024 3000\n330106198503150025 100\n11010519491231002X 10\n1024 800');
    expect(r.problems).toEqual([
      { line: 4, issue: 'RESIDENT_ID' },
      { line: 5, issue: 'DUPLICATE', who: '****002X' },
    ]);
    expect(r.byResidentId.map((x) => [x.line, x.residentId, x.amount])).toEqual([
      [2, '11010519491231002X', '5000.00'],
      [3, '330106198503150024', '3000.00'],
    ]);
    expect(r.amounts).toEqual([{ workerId: 1024, amount: '800.00' }]);
    expect(r.totalFen).toBe(880_000n);
  });

  it('resolves the 身份证号 lines with one lookup: not in scope is NOT_FOUND, a worker also named by 编号 is a DUPLICATE; the total drops both', async () => {
    const parsed = parseBonusLines('1024 800\n11010519491231002X 5000\n330106198503150024 3000\n34052419800101001X 200');
    const sent: string[][] = [];
    const lookup = async (ids: string[]): Promise<WorkerLookupResultView> => {
      sent.push(ids);
      const worker = (id: number) => ({ id }) as WorkerRecordView;
      return { found: [{ index: 0, worker: worker(1030) }, { index: 2, worker: worker(1024) }], missing: [1] };
    };
    const r = await resolveBonusLines(parsed, lookup);
    expect(sent).toEqual([['11010519491231002X', '330106198503150024', '34052419800101001X']]);
    expect(r.amounts).toEqual([
      { workerId: 1024, amount: '800.00' },
      { workerId: 1030, amount: '5000.00' },
    ]);
    expect(r.problems).toEqual([
      { line: 3, issue: 'NOT_FOUND', who: '****0024' },
      { line: 4, issue: 'DUPLICATE', who: '1024' },
    ]);
    expect(r.totalFen).toBe(580_000n);
    // a list by 编号 alone asks nothing
    expect(await resolveBonusLines(parseBonusLines('1 5'), lookup)).toMatchObject({ amounts: [{ workerId: 1, amount: '5.00' }] });
    expect(sent).toHaveLength(1);
  });
});
