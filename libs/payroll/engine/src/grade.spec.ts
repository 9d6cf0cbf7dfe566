import { defaultPolicy } from './default-policy';
import { entryGrade } from './grade';

const policy = defaultPolicy(2025);

describe('entryGrade', () => {
  it('starts from the education row and adds one grade per 3 full years', () => {
    expect(entryGrade(policy, 'OTHER', 'BACHELOR', 0)).toEqual({ grade: 3, policyRowId: '2025-ENTRY-OTHER-BACHELOR', cappedAtBandTop: false });
    expect(entryGrade(policy, 'OTHER', 'BACHELOR', 2).grade).toBe(3);
    expect(entryGrade(policy, 'OTHER', 'BACHELOR', 3).grade).toBe(4);
    expect(entryGrade(policy, 'DEPUTY', 'MASTER', 7).grade).toBe(9);
  });

  it('caps at the top of the band', () => {
    expect(entryGrade(policy, 'OTHER', 'DOCTORATE', 30)).toEqual(expect.objectContaining({ grade: 12, cappedAtBandTop: true }));
    expect(entryGrade(policy, 'HEAD', 'SENIOR_HIGH', 33)).toEqual(expect.objectContaining({ grade: 18, cappedAtBandTop: false }));
    expect(entryGrade(policy, 'HEAD', 'SENIOR_HIGH', 36)).toEqual(expect.objectContaining({ grade: 18, cappedAtBandTop: true }));
  });

  it('uses the workers register codes: school levels start at the band bottom, degrees above', () => {
    for (const ed of ['JUNIOR_HIGH', 'SENIOR_HIGH', 'VOCATIONAL']) expect(entryGrade(policy, 'OTHER', ed, 0).grade).toBe(1);
    expect(['JUNIOR_COLLEGE', 'BACHELOR', 'MASTER', 'DOCTORATE'].map((ed) => entryGrade(policy, 'DEPUTY', ed, 0).grade)).toEqual([5, 6, 7, 8]);
    expect(() => entryGrade(policy, 'OTHER', 'HIGH_SCHOOL', 0)).toThrow(/no entry grade/);
  });

  it('rejects unknown education and bad years', () => {
    expect(() => entryGrade(policy, 'OTHER', 'KINDERGARTEN', 0)).toThrow(/no entry grade/);
    expect(() => entryGrade(policy, 'OTHER', 'BACHELOR', -1)).toThrow(/years of service/);
  });
});

describe('defaultPolicy', () => {
  it('is marked illustrative and has the 三岗十八级 bands and firm tax tables', () => {
    expect(policy.illustrative).toBe(true);
    expect(policy.payScale.bands.map((b) => [b.band, b.minGrade, b.maxGrade])).toEqual([['HEAD', 7, 18], ['DEPUTY', 4, 15], ['OTHER', 1, 12]]);
    expect(policy.payScale.grades).toHaveLength(18);
    expect(policy.tax.brackets.map((b) => b.upToFen)).toEqual([3_600_000n, 14_400_000n, 30_000_000n, 42_000_000n, 66_000_000n, 96_000_000n, null]);
    expect(policy.tax.basicDeductionMonthlyFen).toBe(500_000n);
    expect(policy.bonusTax.validUntil).toBe('2027-12-31');
  });

  it('gives every row an id and a source, ids unique', () => {
    const rows: { id: string; source: string }[] = [
      policy.payScale, ...policy.payScale.bands, ...policy.payScale.grades, policy.entryGrade, ...policy.entryGrade.rows,
      ...policy.allowances, ...policy.insurance, policy.tax, ...policy.tax.brackets, policy.bonusTax, ...policy.bonusTax.brackets,
      policy.proRating, policy.overtime, ...policy.cityWages,
    ];
    for (const r of rows) expect(r.source.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('steps the employer pension rate from 14 % to 16 % in 2022 and refuses years before 2019', () => {
    expect(defaultPolicy(2021).insurance.find((i) => i.code === 'PENSION')!.employerRate).toBe('0.14');
    expect(defaultPolicy(2022).insurance.find((i) => i.code === 'PENSION')!.employerRate).toBe('0.16');
    expect(defaultPolicy(2021).insurance[0].baseFloorFen).toBe(332_160n);
    expect(() => defaultPolicy(2018)).toThrow(/2019/);
  });
});
