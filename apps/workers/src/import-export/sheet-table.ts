/**
 * An uploaded sheet as a table of text cells: CSV through csv-parse, .xlsx through ExcelJS (after
 * the zip-bomb check). Rows whose cells are all blank are dropped, each row kept keeps its number in
 * the sheet (what the import report names). Limits on rows and columns are applied here where the
 * format lets them stop the work early.
 */
import { validationError } from '@cws/kernel';
import { CsvError, parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { loadExcel } from '@cws/platform';
import { assertColumnCount, assertWorkbookWithinLimits, MAX_ROWS } from './upload-limits';

/** One non-blank row: its number in the sheet (1 = the first, blank rows counted) and its cells. */
export interface SheetRow {
  row: number;
  cells: string[];
}

/** The sheet's non-blank rows; `columns` is how many cells of each .xlsx row are read (extra columns are ignored anyway). */
export async function readTable(fileName: string, buffer: Buffer, columns: number): Promise<SheetRow[]> {
  if (/\.csv$/i.test(fileName)) return readCsv(buffer);
  if (/\.xlsx$/i.test(fileName)) return readXlsx(buffer, columns);
  throw validationError('IMPORT_FILE_TYPE', 'file', 'must be a .xlsx or .csv file');
}

/**
 * RFC 4180 (quoted fields, doubled quotes, CRLF or LF), a UTF-8 BOM dropped; rows may differ in length. Empty lines are
 * parsed as rows, then dropped, so a record's number is its row as a spreadsheet shows the file.
 */
export function readCsv(buffer: Buffer): SheetRow[] {
  let rows: string[][];
  try {
    rows = parse(buffer.toString('utf8'), { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (err) {
    // an unclosed quote and the like: say where, never echo the content
    if (err instanceof CsvError) throw validationError('IMPORT_FILE_UNREADABLE', 'file', `is not a readable CSV file (${err.code} on line ${err.lines ?? '?'})`);
    throw err;
  }
  return nonBlank(rows.map((cells, i) => ({ row: i + 1, cells })));
}

async function readXlsx(buffer: Buffer, columns: number): Promise<SheetRow[]> {
  assertWorkbookWithinLimits(buffer);
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw validationError('IMPORT_FILE_UNREADABLE', 'file', 'is not a readable .xlsx workbook');
  }
  const ws = wb.worksheets[0];
  if (ws) assertColumnCount(ws.actualColumnCount);
  if (ws && ws.actualRowCount > MAX_ROWS + 1) throw validationError('IMPORT_TOO_MANY_ROWS', 'file', `has more than ${MAX_ROWS} rows; split it`);
  const table: SheetRow[] = [];
  ws?.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= columns; c++) cells.push(cellText(row.getCell(c).value));
    table.push({ row: row.number, cells });
  });
  return nonBlank(table);
}

const nonBlank = (rows: SheetRow[]): SheetRow[] => rows.filter((r) => r.cells.some((c) => c.trim() !== ''));

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return v.result === undefined || v.result === null ? '' : String(v.result instanceof Date ? v.result.toISOString().slice(0, 10) : v.result);
    return '';
  }
  return String(v);
}
