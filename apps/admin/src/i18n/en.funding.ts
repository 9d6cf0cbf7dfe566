import type { zhCNFunding } from './zh-CN.funding';

/** English labels for the keys of zh-CN.funding.ts. */
export const enFunding: Record<keyof typeof zhCNFunding, string> = {
  'menu.funding': 'Funding requirement',
  'funding.title': 'Community workers’ funding requirement (核定)',
  'funding.hint': 'Requirement = average headcount × the city’s previous-year average wage W(Y−1) + employer contributions; budgeted = what the budget allocates to the place in the pay streams; shortfall = requirement − budgeted (0 when covered). Amounts in yuan.',
  'funding.streams': 'Pay streams: {streams}',
  'funding.year': 'Year',
  'funding.asOf': 'Register date',
  'funding.asOfPlaceholder': 'today',
  'funding.place': 'District / street',
  'funding.headcount': 'Average headcount',
  'funding.workerMonths': 'Worker-months',
  'funding.wages': 'Wages',
  'funding.employerContributions': 'Employer contributions',
  'funding.requirement': 'Requirement',
  'funding.budgeted': 'Budgeted',
  'funding.shortfall': 'Shortfall',
  'funding.total': 'Total',
  'funding.basis': 'W({prev}) = {benchmark} yuan; register of {asOf}; months 1–{paidThrough} as paid, the rest projected',
  'funding.basisNonePaid': 'W({prev}) = {benchmark} yuan; register of {asOf}; the whole year projected',
  'funding.budgetUnavailable': 'The budget service cannot be reached, so the budgeted amounts cannot be compared. Try again later.',
  'funding.xlsx': 'Export xlsx',
  'funding.retry': 'Retry',
} as const;
