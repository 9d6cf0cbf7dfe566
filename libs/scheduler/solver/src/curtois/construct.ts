// Greedy construction: each employee in turn (random order) gets a row of alternating work and
// rest blocks sized within their consecutive-day limits, at the work ratio their minute limits ask
// for, skipping days off and weekends over their maximum, and each worked day takes the allowed
// shift with the most cover still missing. Rows are usually feasible on their own; annealing
// repairs what is left and trades cover.
import { type Compiled, OFF } from './compiled';

export function construct(c: Compiled, rand: () => number): Int16Array {
  const { E, H, S } = c;
  const x = new Int16Array(E * H).fill(OFF);
  const need = Int32Array.from(c.coverReq);
  const order = Array.from({ length: E }, (_, e) => e);
  for (let i = E - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const typeCount = new Int32Array(S);
  for (const e of order) {
    const allowed = c.allowed[e];
    if (allowed.length === 0) continue;
    typeCount.fill(0);
    const target = c.minMinutes[e] + (0.5 + rand() / 2) * (c.maxMinutes[e] - c.minMinutes[e]);
    const minC = Math.max(1, c.minConsecutive[e]);
    const maxC = Math.max(minC, c.maxConsecutive[e]);
    const minO = Math.max(1, c.minDaysOff[e]);
    let minutes = 0;
    let weekends = 0;
    const weekendWorked = new Uint8Array(Math.ceil(H / 7) + 1);
    let d = Math.floor(rand() * (minO + 1));
    while (d < H) {
      const want = minC + Math.floor(rand() * (maxC - minC + 1));
      let len = 0;
      let prev = OFF;
      const newWeekends: number[] = [];
      while (len < want && d + len < H) {
        const t = d + len;
        if (c.dayOff[e * H + t]) break;
        const w = Math.floor(t / 7);
        const isWeekend = t % 7 >= 5;
        if (isWeekend && !weekendWorked[w] && weekends >= c.maxWeekends[e]) break;
        let best = OFF;
        let bestScore = -Infinity;
        for (const s of allowed) {
          if (typeCount[s] >= c.maxOfType[e * S + s] || minutes + c.minutes[s] > c.maxMinutes[e]) continue;
          if (prev !== OFF && c.forbidden[prev * S + s]) continue;
          const score = need[t * S + s] * 10 - c.cellCost[(e * H + t) * (S + 1) + s + 1] + rand();
          if (score > bestScore) {
            bestScore = score;
            best = s;
          }
        }
        if (best === OFF) break;
        x[e * H + t] = best;
        need[t * S + best]--;
        typeCount[best]++;
        minutes += c.minutes[best];
        if (isWeekend && !weekendWorked[w]) {
          weekendWorked[w] = 1;
          weekends++;
          newWeekends.push(w);
        }
        prev = best;
        len++;
      }
      if (len > 0 && len < minC && d > 0 && d + len < H) {
        // Cut short inside the horizon: an interior block this short breaks the minimum; undo it.
        for (let t = d; t < d + len; t++) {
          const s = x[e * H + t];
          need[t * S + s]++;
          typeCount[s]--;
          minutes -= c.minutes[s];
          x[e * H + t] = OFF;
        }
        for (const w of newWeekends) weekendWorked[w] = 0;
        weekends -= newWeekends.length;
        len = 0;
      }
      // Rest as little as allowed while behind the minutes target, a little more when ahead.
      const behind = minutes < (target * (d + len)) / H;
      const rest = behind ? minO : minO + 1 + Math.floor(rand() * 2);
      d += len + (len === 0 ? 1 : rest);
    }
  }
  return x;
}
