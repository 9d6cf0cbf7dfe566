import type { PayslipListItem } from '@cws/payroll-contracts';
import { describe, expect, it } from 'vitest';
import { groupRegister } from './registerGroups';

const slip = (id: string, workerId: number, slipKind: PayslipListItem['slipKind'], net: string, communityCode = '330106001001'): PayslipListItem => ({
  id, runId: '9', period: '2026-11', workerId, name: `w${workerId}`, districtCode: communityCode.slice(0, 6), streetCode: communityCode.slice(0, 9), communityCode,
  status: 'COMPUTED', slipKind, correctsPayslipId: null, gross: net, employeeContributions: '0.00', tax: '0.00', net, employerContributions: '0.00', flags: [],
});

describe('groupRegister', () => {
  it('adds each group in fen and counts its workers; a correction’s two slips a worker are named by kind and the worker counted once', () => {
    const names: Record<string, string> = { '330106': '西湖区', '330106001': '北山街道', '330106001001': '翠苑一区社区' };
    const [district] = groupRegister(
      [slip('1', 7, 'REVERSAL', '-5954.60'), slip('2', 7, 'REISSUE', '6054.61'), slip('3', 8, 'REVERSAL', '-100.00'), slip('4', 8, 'REISSUE', '100.00')],
      (code) => names[code],
      (kind) => ({ REVERSAL: '冲销', REISSUE: '重开', REGULAR: '' })[kind],
    );
    expect([district.label, district.count, district.net]).toEqual(['西湖区', 2, '100.01']);
    const community = district.children![0].children![0];
    expect(community.children!.map((r) => [r.label, r.count, r.net])).toEqual([
      ['w7 · 冲销', 1, '-5954.60'], ['w7 · 重开', 1, '6054.61'], ['w8 · 冲销', 1, '-100.00'], ['w8 · 重开', 1, '100.00'],
    ]);
  });

  it('a regular run’s rows are the workers’ names', () => {
    const [district] = groupRegister([slip('1', 7, 'REGULAR', '10.00'), slip('2', 9, 'REGULAR', '0.10', '330106002001')], (code) => code);
    expect([district.count, district.net, district.children!.length]).toEqual([2, '10.10', 2]);
    expect(district.children![0].children![0].children![0].label).toBe('w7');
  });
});
