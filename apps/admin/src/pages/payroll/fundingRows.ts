import type { FundingRequirementLine } from '@cws/payroll-contracts';

/** A line of the 核定 report as the table shows it: a district with its streets as children (antd tree rows). */
export type FundingRow = FundingRequirementLine & { key: string; children?: FundingRow[] };

/**
 * Nests the report's street lines under their district's line, in the API's order. A street whose
 * district has no line of its own (a street-scoped caller) stays at the top level. Nothing is added up:
 * each figure is the API's.
 */
export function fundingRows(lines: readonly FundingRequirementLine[]): FundingRow[] {
  const districts = new Map<string, FundingRow>();
  for (const l of lines) if (l.level === 'DISTRICT') districts.set(l.districtCode, { ...l, key: l.districtCode });
  const top: FundingRow[] = [];
  const placed = new Set<string>();
  for (const l of lines) {
    const parent = districts.get(l.districtCode);
    if (l.level === 'DISTRICT') {
      if (!placed.has(l.districtCode)) top.push(parent!);
      placed.add(l.districtCode);
    } else if (parent) {
      (parent.children ??= []).push({ ...l, key: l.streetCode ?? l.districtCode });
    } else {
      top.push({ ...l, key: l.streetCode ?? l.districtCode });
    }
  }
  return top;
}

/** True when a decimal string from the API is above zero (on the digits, never a float). */
export const isPositive = (amount: string): boolean => !amount.startsWith('-') && /[1-9]/.test(amount);
