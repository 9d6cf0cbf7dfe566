/**
 * Sample policy for demos and tests. The tax tables are the published rules (firm); every other
 * figure is ILLUSTRATIVE — taken from DOMAIN.md where a value was reported, otherwise a smooth
 * demo value. Real values are entered by admins as effective-dated rows.
 */
import type { Fen } from '@cws/kernel';
import type {
  AllowanceRule,
  BandRange,
  CityWageRow,
  EntryGradeRow,
  GradeCoefficient,
  InsuranceItem,
  PayrollPolicy,
  PostBand,
  TaxBracket,
} from './policy';

const DEMO = 'demo (illustrative, not an official figure)';
const IIT_LAW = '个人所得税法 2018; 国家税务总局公告2018年第61号 (累计预扣法)';
const BONUS_RULE = '财政部 税务总局公告2023年第30号 (全年一次性奖金单独计税, to 2027-12-31)';

const yuan = (v: number): Fen => BigInt(v) * 100n;

/** value × (num/den)^k with integer arithmetic, rounded to the fen: smooth demo series. */
function scaleFen(value: Fen, num: bigint, den: bigint, k: number): Fen {
  let n = value;
  let d = 1n;
  for (let i = 0; i < k; i++) {
    n *= num;
    d *= den;
  }
  return (n * 2n + d) / (2n * d);
}

/** Demo W(y): smooth 5 %/year series anchored at the reported Hangzhou non-private 2024 ≈ 167,177 元. */
function demoCityWage(year: number): Fen {
  const anchor = yuan(167_177);
  return year >= 2024 ? scaleFen(anchor, 105n, 100n, year - 2024) : scaleFen(anchor, 100n, 105n, 2024 - year);
}

function taxBrackets(prefix: string, source: string, rows: Array<[number | null, string, number]>): TaxBracket[] {
  return rows.map(([upTo, rate, quick], i) => ({
    id: `${prefix}-${i + 1}`,
    source,
    upToFen: upTo === null ? null : yuan(upTo),
    rate,
    quickDeductionFen: yuan(quick),
  }));
}

/** Insurance base floor and ceiling (fen) for a year: reported figures where known, else demo. */
function insuranceBase(year: number): { floor: Fen; ceiling: Fen; source: string } {
  if (year === 2021) return { floor: 332_160n, ceiling: 1_788_075n, source: 'Hangzhou 2021 base 3,321.6–17,880.75 [reported]' };
  const knownCeiling: Record<number, Fen> = { 2024: yuan(24_930), 2025: yuan(25_299) };
  const ceiling = knownCeiling[year] ?? (year > 2025 ? scaleFen(yuan(25_299), 105n, 100n, year - 2025) : scaleFen(yuan(25_299), 100n, 105n, 2025 - year));
  // Floor ≈ 60 % of the average monthly wage = ceiling ÷ 5 (demo; Hangzhou has held it lower).
  return { floor: (ceiling + 2n) / 5n, ceiling, source: knownCeiling[year] ? `Zhejiang ceiling ${year} [reported]; floor ${DEMO}` : DEMO };
}

function coefficients(year: number): GradeCoefficient[] {
  // Demo table: 1.00 at grade 1, +0.10 per grade. No official table was found.
  return Array.from({ length: 18 }, (_, i) => {
    const hundredths = 100 + 10 * i;
    return { id: `${year}-GRADE-${String(i + 1).padStart(2, '0')}`, source: DEMO, grade: i + 1, coefficient: `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}` };
  });
}

function entryGradeRows(year: number): EntryGradeRow[] {
  const bandStart: Record<PostBand, number> = { HEAD: 7, DEPUTY: 4, OTHER: 1 };
  // Education in the workers register's codes (EDUCATION_LEVELS): grades above the band's start.
  // Junior high, senior high and vocational school all start at the band's first grade.
  const education: Array<[string, number]> = [
    ['JUNIOR_HIGH', 0], ['SENIOR_HIGH', 0], ['VOCATIONAL', 0], ['JUNIOR_COLLEGE', 1], ['BACHELOR', 2], ['MASTER', 3], ['DOCTORATE', 4],
  ];
  return (Object.keys(bandStart) as PostBand[]).flatMap((band) =>
    education.map(([ed, step]) => ({ id: `${year}-ENTRY-${band}-${ed}`, source: DEMO, band, education: ed, baseGrade: bandStart[band] + step })),
  );
}

function allowances(year: number): AllowanceRule[] {
  const p = `${year}-ALW`;
  return [
    {
      id: `${p}-QUAL`, source: 'Hangzhou social-work qualification allowance [reported]', kind: 'QUALIFICATION', code: 'QUALIFICATION',
      label: 'Qualification allowance (职业资格津贴)', prorate: true, taxFree: false,
      // Levels in the workers register's codes (QUALIFICATION_LEVELS; NONE gets nothing).
      levels: [
        { id: `${p}-QUAL-ASSISTANT`, source: '200 元/月 assistant social worker [reported]', level: 'ASSISTANT', monthlyFen: yuan(200) },
        { id: `${p}-QUAL-SOCIAL`, source: '400 元/月 social worker [reported]', level: 'SOCIAL_WORKER', monthlyFen: yuan(400) },
        { id: `${p}-QUAL-SENIOR`, source: DEMO, level: 'SENIOR', monthlyFen: yuan(600) },
      ],
    },
    {
      id: `${p}-LONG`, source: 'Hangzhou long-service allowance 300–600 元/月 [reported]; bands demo', kind: 'LONG_SERVICE', code: 'LONG_SERVICE',
      label: 'Long-service allowance (工龄津贴)', prorate: true, taxFree: false,
      bands: [5, 10, 15, 20].map((minYears, i) => ({ id: `${p}-LONG-${minYears}Y`, source: DEMO, minYears, monthlyFen: yuan(300 + 100 * i) })),
    },
    {
      id: `${p}-CROSS`, source: DEMO, kind: 'CROSS_APPOINTMENT', code: 'CROSS_APPOINTMENT', label: 'Cross-appointment allowance (交叉任职津贴)',
      prorate: true, taxFree: false, perBodyMonthlyFen: yuan(200), maxBodies: 2,
    },
    {
      id: `${p}-SHIFT`, source: DEMO, kind: 'SHIFT', code: 'SHIFT', label: 'Shift / duty allowance (值班补贴)',
      prorate: false, taxFree: false, perShiftFen: yuan(50), maxShiftsPerMonth: 23,
    },
    {
      id: `${p}-SECONDED`, source: DEMO, kind: 'SECONDED_IN', code: 'SECONDED_IN', label: 'Seconded-in subsidy (借调补贴)',
      prorate: true, taxFree: false, monthlyFen: yuan(300),
    },
    {
      id: `${p}-SERVICE20`, source: 'One-off 5,000 元 at 20 years of continuous service [reported]', kind: 'ONE_OFF', code: 'SERVICE_AWARD_20Y',
      label: '20-year continuous service award (从事社区工作满20年一次性奖励)', prorate: false, taxFree: false, years: 20, amountFen: yuan(5_000),
    },
  ];
}

function insuranceItems(year: number): InsuranceItem[] {
  const base = insuranceBase(year);
  const cityPrev = demoCityWage(year - 1);
  const item = (code: InsuranceItem['code'], label: string, employerRate: string, employeeRate: string, source: string, floor = base.floor, ceiling = base.ceiling): InsuranceItem => ({
    id: `${year}-INS-${code}`, source: `${source}; base ${base.source}`, code, label, validFrom: `${year}-01`,
    employerRate, employeeRate, baseFloorFen: floor, baseCeilingFen: ceiling, rounding: 'HALF_UP_FEN',
  });
  return [
    item('PENSION', 'Pension (养老保险)', year >= 2022 ? '0.16' : '0.14', '0.08', 'employee 8 % [firm]; employer step 14→16 % about 2022 [reported]'),
    item('MEDICAL', 'Medical incl. maternity (医疗保险)', '0.095', '0.02', 'employer ≈ 9.5–10.5 % [reported], employee 2 %'),
    item('UNEMPLOYMENT', 'Unemployment (失业保险)', '0.005', '0.005', '0.5 % / 0.5 % [reported]'),
    item('WORK_INJURY', 'Work injury (工伤保险)', '0.002', '0', 'class rate 0.2 % public administration [reported]'),
    // Housing fund: ceiling 3 × previous-year city average monthly wage (= W(Y−1) ÷ 4), floor the minimum wage (demo 2,490 元).
    { ...item('HOUSING_FUND', 'Housing fund (住房公积金)', '0.12', '0.12', 'range 5–12 % [firm]; 12 % demo', yuan(2_490), (cityPrev + 2n) / 4n), source: `12 % ${DEMO}; ceiling 3 × W(Y−1)/12, floor minimum wage ${DEMO}` },
  ];
}

export function defaultPolicy(year: number): PayrollPolicy {
  if (!Number.isInteger(year) || year < 2019) throw new Error('cumulative withholding applies from 2019: no policy before that year');
  const bands: BandRange[] = [
    { id: `${year}-BAND-HEAD`, source: '三岗十八级 [reported]', band: 'HEAD', minGrade: 7, maxGrade: 18 },
    { id: `${year}-BAND-DEPUTY`, source: '三岗十八级 [reported]', band: 'DEPUTY', minGrade: 4, maxGrade: 15 },
    { id: `${year}-BAND-OTHER`, source: '三岗十八级 [reported]', band: 'OTHER', minGrade: 1, maxGrade: 12 },
  ];
  const cityWages: CityWageRow[] = [year - 2, year - 1].map((y) => ({
    id: `CITY-WAGE-${y}`, source: y === 2024 ? 'Hangzhou non-private 2024 ≈ 167,177 元 [reported]' : DEMO, year: y, annualFen: demoCityWage(y), caliber: 'URBAN_NON_PRIVATE',
  }));
  return {
    year,
    illustrative: true,
    payScale: {
      id: `${year}-SCALE`, source: DEMO, year,
      // Demo unit value: 3,000 元 per point per month in 2019, +5 % a year.
      unitValueFen: scaleFen(yuan(3_000), 105n, 100n, year - 2019),
      bands,
      grades: coefficients(year),
    },
    entryGrade: { id: `${year}-ENTRY`, source: '三岗十八级: one grade up every 3 years [reported]', yearsPerStep: 3, rows: entryGradeRows(year) },
    allowances: allowances(year),
    insurance: insuranceItems(year),
    tax: {
      id: 'IIT-CUMULATIVE-2019', source: IIT_LAW, basicDeductionMonthlyFen: yuan(5_000),
      brackets: taxBrackets('IIT-CUM', IIT_LAW, [
        [36_000, '0.03', 0], [144_000, '0.10', 2_520], [300_000, '0.20', 16_920], [420_000, '0.25', 31_920],
        [660_000, '0.30', 52_920], [960_000, '0.35', 85_920], [null, '0.45', 181_920],
      ]),
    },
    bonusTax: {
      id: 'IIT-BONUS-MONTHLY', source: BONUS_RULE, validUntil: '2027-12-31',
      brackets: taxBrackets('IIT-BONUS', BONUS_RULE, [
        [3_000, '0.03', 0], [12_000, '0.10', 210], [25_000, '0.20', 1_410], [35_000, '0.25', 2_660],
        [55_000, '0.30', 4_410], [80_000, '0.35', 7_160], [null, '0.45', 15_160],
      ]),
    },
    proRating: { id: `${year}-PRORATE`, source: '21.75 days/month (劳社部发〔2008〕3号) [firm]', basis: 'STANDARD_DAYS', standardDaysPerMonth: '21.75' },
    overtime: {
      id: `${year}-OVERTIME`, source: '劳动法 第44条: 150 % / 200 % / 300 %; hourly rate = monthly wage ÷ 21.75 ÷ 8 [firm]', hoursPerDay: 8, hourlyBase: 'MONTHLY_WAGE',
      multipliers: { WORKDAY: '1.5', REST_DAY: '2', HOLIDAY: '3' },
    },
    cityWages,
  };
}
