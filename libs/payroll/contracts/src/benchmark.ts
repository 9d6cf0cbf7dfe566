/**
 * The benchmark of 市委发〔2010〕45号 as the payroll API reports it: calibration of the unit value,
 * compliance by district or street, and the year-end top-up (年终补差).
 */
import type { TopUpRuleCode } from './policy';

export interface BenchmarkCheckView {
  unitValue: string;
  /** Σ projected annual pay (元) and Σ months employed: average = 12 × total ÷ months. */
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
  /** Least extra pay that brings the group average to the benchmark. */
  shortfall: string;
  workersBelow: number;
  compliant: boolean;
}

export interface ComplianceReport {
  id: string | null;
  year: number;
  asOf: string;
  groupBy: 'district' | 'street';
  unitValue: string;
  benchmark: string;
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
  districtCode: string;
  streetCode: string;
  communityCode: string;
  annualPay: string;
  topUp: string;
}
