// HiGHS compiled to WebAssembly, wrapped as the solver's MipSolve. It lives in the CLI so the pure
// lib loads no WebAssembly. The persistent API is used because it accepts a MIP start (the current
// roster), which gives HiGHS an incumbent to prune against from the first node. A solve that
// throws (e.g. out of memory on a huge model) reports 'unknown' and the search goes on with
// smaller neighbourhoods.
import type { MipProblem, MipResult, MipSolve } from '@cws/scheduler-solver';
import loadHighs from 'highs';

export async function loadHighsMip(): Promise<MipSolve> {
  const highs = await loadHighs();
  const status = highs.constants.modelStatus;
  return (problem: MipProblem, timeLimitSeconds: number): MipResult => {
    try {
      return highs.withModel({ format: 'lp', data: problem.lp }, (model): MipResult => {
        model.options.set({ time_limit: Math.max(0.1, timeLimitSeconds), output_flag: false, mip_rel_gap: 0 });
        const indices: number[] = [];
        const values: number[] = [];
        for (const [name, v] of Object.entries(problem.start)) {
          indices.push(model.getColByName(name));
          values.push(v);
        }
        const order = indices.map((_, i) => i).sort((a, b) => indices[a] - indices[b]);
        model.setSolution({ indices: order.map((i) => indices[i]), values: order.map((i) => values[i]) });
        model.run();
        const code = model.getModelStatus();
        if (code === status.infeasible) return { status: 'infeasible', values: {} };
        const objective = model.getObjectiveValue();
        const optimal = code === status.optimal;
        const col = model.getSolution().colValue;
        if (!optimal && (!Number.isFinite(objective) || col.length === 0)) return { status: 'unknown', values: {} };
        const out: Record<string, number> = {};
        for (let j = 0; j < col.length; j++) {
          const name = model.getColName(j);
          if (name.startsWith('x')) out[name] = col[j];
        }
        return { status: optimal ? 'optimal' : 'feasible', values: out };
      });
    } catch {
      return { status: 'unknown', values: {} };
    }
  };
}
