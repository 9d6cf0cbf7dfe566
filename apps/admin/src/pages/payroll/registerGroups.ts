import { formatMoney, parseMoney } from '@cws/kernel';
import type { PayslipListItem } from '@cws/payroll-contracts';

const MONEY = ['gross', 'employeeContributions', 'tax', 'net', 'employerContributions'] as const;
type Money = (typeof MONEY)[number];

export interface RegisterRow extends Record<Money, string> {
  key: string;
  level: 'district' | 'street' | 'community' | 'worker';
  code: string;
  label: string;
  count: number;
  slip?: PayslipListItem;
  children?: RegisterRow[];
}

/**
 * The register as a tree: district → street → community → worker, each group with its head-count
 * and totals added in fen (bigint), never as floats. A correction run has two slips a worker (the reversal
 * and the re-issue): both are listed, named by `kindName`, and the worker is counted once.
 */
export function groupRegister(slips: PayslipListItem[], nameOf: (code: string) => string, kindName: (kind: PayslipListItem['slipKind']) => string = (k) => k): RegisterRow[] {
  const group = (items: PayslipListItem[], level: 'district' | 'street' | 'community'): RegisterRow[] => {
    const field = level === 'district' ? 'districtCode' : level === 'street' ? 'streetCode' : 'communityCode';
    const byCode = new Map<string, PayslipListItem[]>();
    for (const s of items) byCode.set(s[field], [...(byCode.get(s[field]) ?? []), s]);
    return [...byCode].sort(([a], [b]) => a.localeCompare(b)).map(([code, list]) => {
      const children: RegisterRow[] =
        level === 'community'
          ? list.map((s) => ({ key: `w:${s.id}`, level: 'worker', code: String(s.workerId), label: s.slipKind === 'REGULAR' ? s.name : `${s.name} · ${kindName(s.slipKind)}`, count: 1, slip: s, ...pickMoney(s) }))
          : group(list, level === 'district' ? 'street' : 'community');
      return { key: `${level}:${code}`, level, code, label: nameOf(code), count: new Set(list.map((s) => s.workerId)).size, children, ...sumMoney(list) };
    });
  };
  return group(slips, 'district');
}

const pickMoney = (s: PayslipListItem) => Object.fromEntries(MONEY.map((k) => [k, s[k]])) as Record<Money, string>;

export function sumMoney(slips: Array<Record<Money, string>>): Record<Money, string> {
  return Object.fromEntries(MONEY.map((k) => [k, formatMoney(slips.reduce((sum, s) => sum + parseMoney(s[k], { allowNegative: true }), 0n))])) as Record<Money, string>;
}
