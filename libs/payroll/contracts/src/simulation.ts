/** The what-if tax simulator: POST /api/payroll/v1/simulations. Amounts are decimal strings with two places. */
import { Contract, IdString, Int, MoneyString, Text, type Static } from '@cws/kernel';
import { Type } from '@sinclair/typebox';
import type { SimulatedMonth, SimulationMonth, SimulationRequest, SimulationResult } from '@cws/payroll-engine';

// The shapes are the engine's own (the admin UI runs the same engine in the browser); the API adds `tables`.
export type SimulationMonthInput = SimulationMonth;
export type SimulationInput = SimulationRequest;
export type SimulationOutputMonth = SimulatedMonth;

const TableRef = /* @__PURE__ */ Contract('SimulationTableRef', '所用政策表行。A policy row whose table was applied.', {
  id: /* @__PURE__ */ IdString('政策行 ID。Policy row id.', '7'),
  source: /* @__PURE__ */ Text('依据。Source.', '个人所得税法 2018; 国家税务总局公告2018年第61号'),
});

/** The answer: the engine's result plus the tables applied (the contract of the route and the UI's type). */
export const SimulationOutputSchema = /* @__PURE__ */ Contract('SimulationResult', '个税试算结果：逐月累计预扣及年终奖计税。What-if tax: cumulative withholding month by month.', {
  year: /* @__PURE__ */ Int('纳税年度。Tax year.', 2026),
  months: /* @__PURE__ */ Type.Array(
    Contract('SimulatedMonth', '一个月的累计预扣。One month of cumulative withholding.', {
      month: /* @__PURE__ */ Int('月份（1–12）。Month.', 1),
      cumulativeTaxable: /* @__PURE__ */ MoneyString('累计应纳税所得额（扣除大于收入时为 0.00）。Cumulative taxable income.', '18500.00'),
      tax: /* @__PURE__ */ MoneyString('本月预扣税额。Tax withheld this month.', '555.00'),
      cumulativeTax: /* @__PURE__ */ MoneyString('累计预扣税额。Cumulative tax.', '555.00'),
    }),
    { description: '逐月结果。Per month.' },
  ),
  bonusTax: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ MoneyString('年终奖税额：单独计税为其本身税额，并入计税为因奖金多缴的税额；无奖金时不返回。Bonus tax; absent without a bonus.', '1080.00')),
  totalTax: /* @__PURE__ */ MoneyString('全年税额合计。Total tax of the year.', '4110.00'),
  tables: /* @__PURE__ */ Contract('SimulationTables', '所用税率表。Tables applied.', { tax: TableRef, bonusTax: TableRef }),
});
export type SimulationOutput = Static<typeof SimulationOutputSchema>;
// the engine's result is part of the contract: a drift between the two fails the type-check
type _EngineFitsContract = SimulationResult extends Omit<SimulationOutput, 'tables'> ? true : never;
export const ENGINE_FITS_SIMULATION_CONTRACT: _EngineFitsContract = true;

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
