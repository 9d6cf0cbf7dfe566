/**
 * The benchmark of 市委发〔2010〕45号 as the payroll API reports it: calibration of the unit value,
 * compliance by district or street, and the year-end top-up (年终补差).
 */
import type { TopUpRuleCode } from './policy';

export interface BenchmarkCheckView {
  unitValue: string;
  /** Σ annual pay (元, paid + projected) and Σ months employed (whole or halves): average = 12 × total ÷ months. */
  totalPay: string;
  workerMonths: number;
  /** Rounded half up to the fen. */
  projectedAverage: string;
  meetsLevel: boolean;
  meetsGrowth: boolean;
  passes: boolean;
}

export interface CalibrationResult {
  id: string;
  year: number;
  scope: string | null;
  asOf: string;
  headcount: number;
  /** W(Y−1), the level to reach. */
  benchmark: string;
  cityAverageTwoYearsAgo: string;
  /** W(Y−1)/W(Y−2) − 1, as a decimal fraction with six places. */
  cityGrowth: string;
  communityAverageLastYear: string;
  communityAverageLastYearBasis: 'RECORDED' | 'PROJECTED_FROM_PREVIOUS_SCALE';
  /** The least unit value (元 per coefficient point per month) meeting both tests. */
  unitValue: string;
  projectedAverage: string;
  projectedGrowth: string;
  bindingTest: 'LEVEL' | 'GROWTH' | 'BOTH';
  result: BenchmarkCheckView;
  /** The same workforce at unitValue − 0.01: fails, which proves minimality. */
  belowByOneFen: BenchmarkCheckView | null;
  /** The unit value in the policy tables for Y, for comparison. */
  current: BenchmarkCheckView | null;
  illustrative: boolean;
  createdAt: string;
}

export interface ComplianceGroupView {
  group: string;
  districtCode: string;
  districtName: string | null;
  streetCode: string | null;
  headcount: number;
  workerMonths: number;
  projectedAverage: string;
  ytdMonths: number;
  ytdPaid: string;
  ytdAverage: string;
  benchmark: string;
  /** benchmark − projectedAverage: positive when the group is SHORT of the benchmark; zero or negative when it meets or exceeds it. */
  gap: string;
  /** The group's average of Y−1 (the growth base); null when unknown. */
  lastYearAverage: string | null;
  /** projectedAverage ÷ lastYearAverage − 1, six places; null when unknown. */
  growth: string | null;
  /** projectedAverage ≥ benchmark. */
  meetsLevel: boolean;
  /** growth ≥ the city's growth W(Y−1)/W(Y−2) − 1; null when no growth base. */
  meetsGrowth: boolean | null;
  /** Least extra pay that makes the group pass the level and the growth test. */
  shortfall: string;
  workersBelow: number;
  /** meetsLevel and meetsGrowth (when made). */
  compliant: boolean;
}

export interface ComplianceReport {
  id: string | null;
  year: number;
  asOf: string;
  groupBy: 'district' | 'street';
  unitValue: string;
  benchmark: string;
  /** W(Y−1)/W(Y−2) − 1, six places. */
  cityGrowth: string;
  lastYearBasis: 'RECORDED' | 'PROJECTED_FROM_PREVIOUS_SCALE';
  /** Months 1..paidThrough are what the payroll runs paid; the rest of the year is projected. */
  paidThrough: number;
  groups: ComplianceGroupView[];
  illustrative: boolean;
}

export interface TopUpSummary {
  id: string;
  year: number;
  scope: string | null;
  rule: TopUpRuleCode;
  ratio: string | null;
  level: 'DISTRICT' | 'STREET' | null;
  unitValue: string;
  benchmark: string;
  workers: number;
  workersToppedUp: number;
  total: string;
  byDistrict: Array<{ districtCode: string; workersToppedUp: number; total: string }>;
  createdAt: string;
}

export interface TopUpLineView {
  workerId: number;
  /** As the workforce snapshot had it when the top-up ran; null for lines stored before names were kept, or for a worker known only from paid runs. */
  workerName: string | null;
  districtCode: string;
  streetCode: string;
  communityCode: string;
  annualPay: string;
  topUp: string;
}

/** One district or street of the 核定 report: what a year of its counted workforce costs at W(Y−1), against the budget. */
export interface FundingRequirementLine {
  level: 'DISTRICT' | 'STREET';
  districtCode: string;
  districtName: string | null;
  streetCode: string | null;
  /** Average headcount of the year (worker-months ÷ 12), two places. */
  headcount: string;
  workerMonths: number;
  /** headcount × W(Y−1). */
  wages: string;
  /** headcount × the employer's insurance and housing fund on a base of W(Y−1)/12 a month. */
  employerContributions: string;
  requirement: string;
  /** Allocated in the budget to the place's communities and streets for the year, in the pay streams (COST_STREAM rows). */
  budgeted: string;
  /** requirement − budgeted when positive, else 0.00. */
  shortfall: string;
}

export interface FundingRequirementReport {
  year: number;
  scope: string | null;
  asOf: string;
  benchmark: string;
  /** The budget streams counted as holding pay. */
  streams: string[];
  paidThrough: number;
  lines: FundingRequirementLine[];
  totals: { requirement: string; budgeted: string; shortfall: string };
  illustrative: boolean;
}
