/**
 * Limits an uploaded workbook must meet before it is unpacked. A 20 MB .xlsx can hold a "zip bomb":
 * a sheet that inflates to gigabytes. The ZIP central directory states every entry's inflated
 * size, so the sum is checked before ExcelJS inflates anything; a directory that lies (entries
 * bigger than stated) is caught by the inflater's own size check in ExcelJS/JSZip.
 */
import { validationError } from '@cws/kernel';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 2000;
export const MAX_COLUMNS = 100;
export const MAX_ROWS = 50_000;

/** Entry count and total inflated size from a ZIP's central directory; null when it is not a ZIP. */
export function zipInflatedSize(buf: Buffer): { entries: number; inflated: number } | null {
  // End of central directory: signature 0x06054b50, searched backwards over the 64 KB comment limit.
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  let inflated = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const size = buf.readUInt32LE(p + 24);
    if (size === 0xffffffff) return { entries, inflated: Number.MAX_SAFE_INTEGER }; // ZIP64: larger than any limit here
    inflated += size;
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return { entries, inflated };
}

/** 400 at `file` unless the workbook stays within the limits once unpacked. */
export function assertWorkbookWithinLimits(buf: Buffer): void {
  const zip = zipInflatedSize(buf);
  if (!zip) throw validationError('IMPORT_FILE_UNREADABLE', 'file', 'is not a readable .xlsx workbook');
  if (zip.entries > MAX_ZIP_ENTRIES || zip.inflated > MAX_INFLATED_BYTES) {
    throw validationError('IMPORT_FILE_TOO_LARGE', 'file', `unpacks to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB; split it`);
  }
}

export function assertColumnCount(columns: number): void {
  if (columns > MAX_COLUMNS) throw validationError('IMPORT_TOO_MANY_COLUMNS', 'file', `has ${columns} columns; the template has fewer than ${MAX_COLUMNS}`);
}
