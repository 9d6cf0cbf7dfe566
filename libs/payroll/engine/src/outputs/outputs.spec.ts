import { formatMoney, parseMoney, type Fen } from '@cws/kernel';
import { buildBankFiles, type PayingAccount } from './bank-files';
import { buildCostPostings, missingCostStreams, type CostStreamRule } from './cost-postings';
import { housingFundList, iitDeclaration, socialInsuranceList } from './declarations';
import type { OutputLine, OutputPayslip } from './output-payslip';
import { buildRegister } from './register';
import { csvField, neutralizeFormula } from './safe-text';

const y = parseMoney;
const line = (kind: string, code: string, amount: string, label = code): OutputLine => ({ kind, code, label, amountFen: y(amount) });

function slip(id: number, community: string, over: Partial<OutputPayslip> = {}, extra: OutputLine[] = []): OutputPayslip {
  const lines = [
    line('EARNING', 'BASE', '5000.00', '岗位等级工资'), line('EARNING', 'QUALIFICATION', '400.00', '职业资格补贴'), ...extra,
    line('EMPLOYEE_CONTRIBUTION', 'PENSION', '400.00', '养老保险'), line('EMPLOYEE_CONTRIBUTION', 'HOUSING_FUND', '600.00', '住房公积金'),
    line('EMPLOYER_CONTRIBUTION', 'PENSION', '800.00'), line('EMPLOYER_CONTRIBUTION', 'HOUSING_FUND', '600.00'),
    line('TAX', 'IIT', '12.00'),
  ];
  const gross = lines.filter((l) => l.kind === 'EARNING').reduce((a, l) => a + l.amountFen, 0n);
  return {
    id: String(id), workerId: id, name: `工人${id}`, districtCode: community.slice(0, 6), streetCode: community.slice(0, 9), communityCode: community,
    bankAccount: `62220000000000${id}`, payer: 'HOME', grossFen: gross, employeeContributionsFen: y('1000.00'), taxFen: y('12.00'), recoveriesFen: 0n,
    netFen: gross - y('1012.00'), employerContributionsFen: y('1400.00'), lines, ...over,
  };
}

const slips = [
  slip(3, '330106001002'),
  slip(1, '330106001001', {}, [line('EARNING', 'OVERTIME_WORKDAY', '120.50', '加班')]),
  slip(2, '330106001001'),
  slip(4, '330106002001', { name: '=HYPERLINK("http://x")' }),
  slip(5, '330102001001', { payer: 'HOST', grossFen: 0n, netFen: 0n, employerContributionsFen: 0n, lines: [] }),
];

describe('neutralizing formula injection', () => {
  it('prefixes text starting with = + - @ tab or CR, and quotes CSV fields with separators', () => {
    expect(['=1+1', '+86', '-2', '@SUM(A1)', '\tx', '张三'].map(neutralizeFormula)).toEqual(["'=1+1", "'+86", "'-2", "'@SUM(A1)", "'\tx", '张三']);
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('a,b')).toBe('"a,b"');
  });
});

describe('register', () => {
  it('orders by district, street, community; component columns; subtotals per community, street, district and a total', () => {
    const r = buildRegister(slips);
    expect(r.columns.map((c) => c.key)).toEqual([
      'EARNING:BASE', 'EARNING:QUALIFICATION', 'EARNING:OVERTIME_WORKDAY', 'EMPLOYEE_CONTRIBUTION:PENSION', 'EMPLOYEE_CONTRIBUTION:HOUSING_FUND',
      'GROSS', 'EMPLOYEE_CONTRIBUTIONS', 'TAX', 'RECOVERIES', 'NET', 'EMPLOYER_CONTRIBUTIONS',
    ]);
    expect(r.rows.map((row) => `${row.kind}:${row.workerId ?? row.communityCode ?? row.streetCode ?? row.districtCode ?? ''}`)).toEqual([
      'WORKER:1', 'WORKER:2', 'COMMUNITY:330106001001', 'WORKER:3', 'COMMUNITY:330106001002', 'STREET:330106001',
      'WORKER:4', 'COMMUNITY:330106002001', 'STREET:330106002', 'DISTRICT:330106', 'TOTAL:',
    ]);
    const total = r.rows[r.rows.length - 1];
    const home = slips.filter((s) => s.payer === 'HOME');
    expect(total.workers).toBe(4);
    expect(total.amounts.get('NET')).toBe(home.reduce((a, s) => a + s.netFen, 0n));
    expect(total.amounts.get('EARNING:OVERTIME_WORKDAY')).toBe(y('120.50'));
    // Each column of the total equals the sum of the worker rows.
    for (const c of r.columns) {
      const sum = r.rows.filter((row) => row.kind === 'WORKER').reduce((a, row) => a + (row.amounts.get(c.key) ?? 0n), 0n);
      expect(total.amounts.get(c.key) ?? 0n).toBe(sum);
    }
  });
});

describe('bank files', () => {
  const accounts: PayingAccount[] = [{ orgCode: '330106', account: '1202000000000106', name: '西湖区社区工作者工资户' }, { orgCode: '330106002', account: '1202000000000999', name: '街道专户' }];

  it('one CSV per paying account: header, a line per payee, trailer TOTAL,<count>,<sum>; the street account wins over the district', () => {
    const { files, unassigned } = buildBankFiles('42', slips, accounts);
    expect(unassigned).toEqual([]);
    expect(files.map((f) => [f.payingAccount, f.count])).toEqual([['1202000000000106', 3], ['1202000000000999', 1]]);
    const lines = files[0].csv.split('\r\n');
    expect(lines[0]).toBe('account,name,amount,reference');
    expect(lines[1]).toBe(`622200000000001,工人1,${formatMoney(slips[1].netFen)},payroll-run:42:payslip:1`);
    const sum = [slips[1], slips[2], slips[0]].reduce((a, s) => a + s.netFen, 0n);
    expect(lines[4]).toBe(`TOTAL,3,${formatMoney(sum)}`);
    expect(files[0].totalFen).toBe(sum);
    expect(files[1].csv).toContain('"\'=HYPERLINK(""http://x"")"');
  });

  it('lists payees without an account apart, and slips whose place has no paying account as unassigned', () => {
    const { files, unassigned } = buildBankFiles('42', [slip(9, '330106001001', { bankAccount: null }), slip(8, '330105001001')], accounts.slice(0, 1));
    expect(files[0]).toMatchObject({ count: 0, totalFen: 0n, missingAccounts: [{ payslipId: '9', workerId: 9 }] });
    expect(files[0].csv).toBe('account,name,amount,reference\r\nTOTAL,0,0.00\r\n');
    expect(unassigned.map((s) => s.id)).toEqual(['8']);
  });
});

describe('cost postings', () => {
  const rules: CostStreamRule[] = [
    { bodyKind: 'PARTY', stream: 'PARTY_BUILDING', funder: 'DISTRICT' },
    { bodyKind: 'STATION', stream: 'SERVICE_STATION', funder: 'DISTRICT' },
    { bodyKind: 'DEFAULT', stream: 'RESIDENTS_COMMITTEE', funder: 'DISTRICT' },
  ];
  const body = (id: number) => (id === 1 ? 'PARTY' : id === 2 ? 'STATION' : null);

  it('wages and employer contributions per (funder, stream, community), home-paid only, refs under payroll-run:<id>:', () => {
    const postings = buildCostPostings('42', slips, body, rules);
    const sum = (part: string) => postings.filter((p) => p.part === part).reduce((a, p) => a + p.amountFen, 0n);
    const home = slips.filter((s) => s.payer === 'HOME');
    expect(sum('WAGES')).toBe(home.reduce((a, s) => a + s.grossFen, 0n));
    expect(sum('EMPLOYER')).toBe(home.reduce((a, s) => a + s.employerContributionsFen, 0n));
    expect(postings.every((p) => p.sourceRef.startsWith('payroll-run:42:'))).toBe(true);
    expect(postings.find((p) => p.sourceRef === 'payroll-run:42:330106001001:PARTY_BUILDING:WAGES')).toMatchObject({ funder: '330106', workers: 1, amountFen: slips[1].grossFen });
    expect(new Set(postings.map((p) => p.sourceRef)).size).toBe(postings.length);
    // Worker 3 and 4 hold no primary post: the DEFAULT row's stream.
    expect(postings.filter((p) => p.stream === 'RESIDENTS_COMMITTEE').map((p) => p.communityCode).sort()).toEqual(['330106001002', '330106001002', '330106002001', '330106002001']);
  });

  it('posts a correction that lowers pay as negative amounts, and nets nothing to zero', () => {
    const lower = slip(2, '330106001001', { grossFen: -y('300.00'), employerContributionsFen: 0n });
    const mixed = slip(1, '330106001001', { grossFen: y('100.00'), employerContributionsFen: -y('12.34') });
    const postings = buildCostPostings('43', [lower, mixed], body, rules);
    expect(postings.map((p) => [p.sourceRef, p.amountFen]).sort()).toEqual([
      ['payroll-run:43:330106001001:PARTY_BUILDING:EMPLOYER', -y('12.34')],
      ['payroll-run:43:330106001001:PARTY_BUILDING:WAGES', y('100.00')],
      ['payroll-run:43:330106001001:SERVICE_STATION:WAGES', -y('300.00')],
    ]);
    // a refund names the corrected run's posting of the same account; what raised pay names none
    const corrected = buildCostPostings('43', [lower, mixed], body, rules, '40');
    expect(corrected.map((p) => [p.sourceRef, p.refundOf]).sort()).toEqual([
      ['payroll-run:43:330106001001:PARTY_BUILDING:EMPLOYER', 'payroll-run:40:330106001001:PARTY_BUILDING:EMPLOYER'],
      ['payroll-run:43:330106001001:PARTY_BUILDING:WAGES', undefined],
      ['payroll-run:43:330106001001:SERVICE_STATION:WAGES', 'payroll-run:40:330106001001:SERVICE_STATION:WAGES'],
    ]);
    expect(postings.every((p) => p.refundOf === undefined)).toBe(true);
  });

  it('names missing mapping rows when there is no DEFAULT', () => {
    expect(missingCostStreams(rules.slice(0, 2), ['PARTY', 'COMMITTEE', null])).toEqual(['COST_STREAM:COMMITTEE', 'COST_STREAM:DEFAULT']);
    expect(missingCostStreams(rules, ['COMMITTEE'])).toEqual([]);
  });
});

describe('declarations', () => {
  it('IIT rows in the template columns; the separately taxed bonus on its own sheet', () => {
    const bonus = slip(7, '330106001001', {}, [line('EARNING', 'YEAR_END_BONUS', '36000.00'), line('TAX', 'IIT_BONUS', '1080.00')]);
    const [wages, bonusSheet] = iitDeclaration([...slips, bonus], (id) => ({ idType: null, idNumber: id === 1 ? '330106199001011234' : null }), () => 0n);
    expect(wages.headers.slice(0, 6)).toEqual(['工号', '*姓名', '*证件类型', '*证件号码', '本期收入', '本期免税收入']);
    expect(wages.rows).toHaveLength(5);
    expect(wages.rows[0].slice(0, 5)).toEqual(['1', '工人1', '居民身份证', '330106199001011234', slips[1].grossFen]);
    const b = wages.rows.find((r) => r[0] === '7')!;
    expect(b[4]).toBe(bonus.grossFen - y('36000.00'));
    expect(b[6]).toBe(y('400.00'));
    expect(b[9]).toBe(y('600.00'));
    expect(bonusSheet.rows).toEqual([['7', '工人7', '居民身份证', null, y('36000.00'), 0n, 0n, 0n, 0n, null]]);
  });

  it('SI and HF lists: the base, then employee and employer per item, totals row', () => {
    const si = socialInsuranceList(slips);
    expect(si.headers.slice(5, 8)).toEqual(['缴费基数', '养老保险 个人', '养老保险 单位']);
    expect(si.rows).toHaveLength(5);
    const total = si.rows[si.rows.length - 1];
    expect(total.slice(0, 2)).toEqual(['合计', '4 人']);
    expect(total[5]).toBeNull();
    expect(total[6]).toBe(y('1600.00'));
    expect(total[7]).toBe(y('3200.00'));
    const hf = housingFundList(slips);
    expect(hf.headers[5]).toBe('缴存基数');
    expect(hf.rows[hf.rows.length - 1].slice(6) as Fen[]).toEqual([y('2400.00'), y('2400.00'), y('2400.00'), y('2400.00'), y('4800.00')]);
  });

  it('the base column: the slip’s base clamped to the item’s bounds; the housing fund’s own base where declared; empty for old slips', () => {
    const bounds = { baseFloorFen: y('4000.00'), baseCeilingFen: y('20000.00') };
    const based = [
      slip(1, '330106001001', {}, [line('INFO', 'CONTRIBUTION_BASE', '6000.00')]),
      slip(2, '330106001001', {}, [line('INFO', 'CONTRIBUTION_BASE', '3000.00')]),
      slip(3, '330106001001', {}, [line('INFO', 'CONTRIBUTION_BASE', '30000.00'), line('INFO', 'HOUSING_FUND_BASE', '9000.00')]),
      slip(4, '330106001001'),
    ];
    expect(socialInsuranceList(based, new Map([['PENSION', bounds], ['MEDICAL', bounds]])).rows.map((r) => r[5])).toEqual([y('6000.00'), y('4000.00'), y('20000.00'), null, null]);
    expect(housingFundList(based, bounds).rows.map((r) => r[5])).toEqual([y('6000.00'), y('4000.00'), y('9000.00'), null, null]);
    expect(socialInsuranceList(based).rows[0][5]).toBeNull();
  });

  it('an SI item with its own floor or ceiling gets its own base column, clamped to its bounds; items sharing the pension’s add none', () => {
    const pension = { baseFloorFen: y('4000.00'), baseCeilingFen: y('20000.00') };
    const medical = { baseFloorFen: y('5000.00'), baseCeilingFen: y('18000.00') };
    const based = [
      slip(1, '330106001001', {}, [line('INFO', 'CONTRIBUTION_BASE', '4500.00')]),
      slip(2, '330106001001', {}, [line('INFO', 'CONTRIBUTION_BASE', '19000.00')]),
    ];
    const shared = socialInsuranceList(based, new Map([['PENSION', pension], ['MEDICAL', pension], ['UNEMPLOYMENT', pension]]));
    expect(shared.headers.slice(5, 7)).toEqual(['缴费基数', '养老保险 个人']);
    const own = socialInsuranceList(based, new Map([['PENSION', pension], ['MEDICAL', medical], ['UNEMPLOYMENT', pension]]));
    expect(own.headers.slice(5, 8)).toEqual(['缴费基数', '医疗保险 缴费基数', '养老保险 个人']);
    expect(own.types.slice(5, 8)).toEqual(['money', 'money', 'money']);
    expect(own.rows.map((r) => r.slice(5, 7))).toEqual([[y('4500.00'), y('5000.00')], [y('19000.00'), y('18000.00')], [null, null]]);
    // the amounts keep their columns after the extra one: the total row still adds them up
    expect(own.rows[2][own.headers.indexOf('养老保险 个人')]).toBe(shared.rows[2][shared.headers.indexOf('养老保险 个人')]);
  });
});
