/**
 * What a run is given at creation and keeps through every freeze (run.inputs is rewritten by each
 * freeze; these parts are copied over): a BONUS run's bonus, a CORRECTION run's workers.
 */
export interface CarriedInputs {
  /** BONUS runs: one `amount` for every worker of the scope, or per-worker `amounts` (only those workers are paid). */
  bonus?: { method: 'SEPARATE' | 'MERGED'; amount?: string; amounts?: Array<{ workerId: number; amount: string }> };
  /** CORRECTION runs: the workers whose slips of the corrected run are reversed and re-issued. */
  correction?: { workerIds: number[] };
}

export function carriedInputs(inputs: object | string | null): CarriedInputs {
  const v = (typeof inputs === 'string' ? JSON.parse(inputs) : inputs) as CarriedInputs | null;
  const out: CarriedInputs = {};
  if (v?.bonus) out.bonus = v.bonus;
  if (v?.correction) out.correction = v.correction;
  return out;
}
