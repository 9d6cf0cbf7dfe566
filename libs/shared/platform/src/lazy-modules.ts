/**
 * exceljs, which only a download or an upload needs, loaded on the first such request rather than when a service (or
 * an integration spec) starts: with its zip and lodash it is ≈ 0.5 s of CPU to load, of a service's ≈ 2–3 s
 * (docs/benchmarks.md, "Loading what a download needs on its first download"). Loaded once per process; its types
 * stay static (`import type`).
 */
import type * as ExcelJSModule from 'exceljs';

export type ExcelJS = typeof ExcelJSModule;

let excel: Promise<ExcelJS> | undefined;

/** exceljs, loaded on the first workbook. */
export function loadExcel(): Promise<ExcelJS> {
  // a CommonJS module: its exports are the namespace's default
  return (excel ??= import('exceljs').then((m) => ((m as { default?: ExcelJS }).default ?? m) as ExcelJS));
}
