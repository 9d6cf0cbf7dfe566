/** The what-if tax simulator: POST /api/payroll/v1/simulations. Amounts are decimal strings with two places. */
import type { SimulatedMonth, SimulationMonth, SimulationRequest, SimulationResult } from '@cws/payroll-engine';

// The shapes are the engine's own (the admin UI runs the same engine in the browser); the API adds `tables`.
export type SimulationMonthInput = SimulationMonth;
export type SimulationInput = SimulationRequest;
export type SimulationOutputMonth = SimulatedMonth;

export interface SimulationOutput extends SimulationResult {
  /** The policy rows (ids and sources) whose tables were applied. */
  tables: { tax: { id: string; source: string }; bonusTax: { id: string; source: string } };
}

const OFFICIAL_MONTH = { gross: '30000.00', employeeInsurance: '4500.00', specialDeductions: '2000.00', taxFree: '0.00', otherDeductions: '0.00' };

/** The request form the API documents: one month of the official example (DOMAIN.md §4) and a 36,000 bonus taxed separately (→ 555.00 and 1080.00). */
export const SIMULATION_EXAMPLE: SimulationInput = {
  year: 2026,
  months: [{ month: 1, ...OFFICIAL_MONTH }],
  bonus: { amount: '36000.00', method: 'SEPARATE' },
};

/** The official worked example over a quarter: January 555.00, February 625.00, March 1850.00. */
export const SIMULATION_EXAMPLE_QUARTER: SimulationInput = {
  year: 2026,
  months: [1, 2, 3].map((month) => ({ month, ...OFFICIAL_MONTH })),
  bonus: { amount: '36000.00', method: 'SEPARATE' },
};
