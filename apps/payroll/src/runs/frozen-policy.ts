/**
 * The engine policy a computation used, frozen into the run's inputs as JSON (bigint fen as
 * `{"$fen":"…"}`), so every chunk — in any process, at any later retry — computes with exactly the
 * policy of the freeze, whatever rows were edited since.
 */
import type { PayrollPolicy } from '@cws/payroll-engine';

export function policyToJson(policy: PayrollPolicy): unknown {
  return JSON.parse(JSON.stringify(policy, (_k, v) => (typeof v === 'bigint' ? { $fen: v.toString() } : v)));
}

export function policyFromJson(json: unknown): PayrollPolicy {
  const text = typeof json === 'string' ? json : JSON.stringify(json);
  return JSON.parse(text, (_k, v) => (v && typeof v === 'object' && typeof v.$fen === 'string' && Object.keys(v).length === 1 ? BigInt(v.$fen) : v));
}

/** Every policy row id in the policy (sub-item ids such as `12.3` count as row 12). */
export function policyRowIds(policy: PayrollPolicy): string[] {
  const ids = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'id' && typeof x === 'string' && /^\d+(\.\d+)*$/.test(x)) ids.add(x.split('.')[0]);
        else walk(x);
      }
    }
  };
  walk(policy);
  return [...ids].sort((a, b) => Number(a) - Number(b));
}
