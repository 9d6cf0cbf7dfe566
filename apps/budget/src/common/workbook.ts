/** What the budget service's workbooks (exceljs) share: a sheet with a bold header row, and amounts as numbers to the fen. */
import type ExcelJS from 'exceljs';

/** Thousands separators and two places: how a sheet shows an amount. */
export const MONEY_FORMAT = '#,##0.00';

/**
 * An amount for a spreadsheet cell. A sheet's numbers are doubles (so that the bureau can add them up there); every
 * amount the ledger holds has at most 15 significant digits, so the double nearest its two-place decimal string shows
 * to the fen. The decimal string is read here, at the cell, and nowhere else: all arithmetic happens before, in fen.
 */
export const moneyCell = (decimal: string): number => Number(decimal);

/** A sheet of `wb` with these columns (their headers bold) and the keys in `money` shown as amounts. */
export function addSheet(wb: ExcelJS.Workbook, name: string, columns: Array<Partial<ExcelJS.Column>>, money: readonly string[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = columns;
  for (const key of money) ws.getColumn(key).numFmt = MONEY_FORMAT;
  ws.getRow(1).font = { bold: true };
  return ws;
}
