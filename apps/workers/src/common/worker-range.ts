/**
 * The workers one snapshot page reads from the tables beside `worker`: the page's id range, or, when the pull names its
 * workers (`?workers=`, payroll's leavers on their last day), those ids — an index lookup each, where the range of a few
 * workers spread over the register would read nearly all its rows.
 */
export interface WorkerRange {
  first: number;
  last: number;
  ids?: readonly number[];
}

/** `column BETWEEN ? AND ?`, or `column IN (?, …)` for named workers, pushing the parameters in order. */
export function workerRangeSql(column: string, r: WorkerRange, params: unknown[]): string {
  if (r.ids) {
    params.push(...r.ids);
    return `${column} IN (${r.ids.map(() => '?').join(', ')})`;
  }
  params.push(r.first, r.last);
  return `${column} BETWEEN ? AND ?`;
}
