/**
 * Hostile uploads to the workers import (malformed, oversized, zip bomb, too many rows or columns)
 * and formula injection through the register export: 4xx with a code at `file`, nothing written,
 * and `=cmd|…` leaves the .xlsx as text.
 */
import { createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { PiiCipher } from '@cws/persistence';
import { startTestApp, testConfig, testPrincipals, type TestApp } from '@cws/testing';
import { demoResidentId, MAX_INFLATED_BYTES, seedWorkersService, workersService } from '@cws/workers-testing';

/** A one-entry ZIP (named like a sheet) whose entry inflates to `bytes` zeros: a zip bomb. */
async function zipBomb(bytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise((r) => deflate.on('end', r));
  const chunk = Buffer.alloc(1024 * 1024);
  for (let left = bytes; left > 0; left -= chunk.length) {
    if (!deflate.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  const data = Buffer.concat(parts);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(bytes, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(bytes, 24);
  central.writeUInt16LE(name.length, 28);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + name.length, 12);
  eocd.writeUInt32LE(local.length + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, eocd]);
}

describe('hostile uploads and exports (workers, real MySQL and Redis)', () => {
  let app: TestApp;
  let ds: DataSource;
  let admin: string;
  beforeAll(async () => {
    app = await startTestApp(workersService, testConfig('workers', { rateLimitPerMinute: 1_000_000 }));
    ds = app.app.get(DataSource);
    await seedWorkersService(ds, app.app.get(PiiCipher), { password: 'Test@2026', workers: 20 });
    admin = app.tokenFor(testPrincipals.cityAdmin());
  });
  afterAll(async () => {
    await app?.close();
  });

  const counts = async () => (await ds.query('SELECT (SELECT COUNT(*) FROM worker) AS w, (SELECT COUNT(*) FROM import_batch) AS b, (SELECT COUNT(*) FROM audit_log) AS a'))[0];
  const upload = async (name: string, content: Buffer | string) => {
    const form = new FormData();
    form.append('file', new Blob([content]), name);
    const res = await fetch(`${app.baseUrl}/v1/imports`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form });
    return { status: res.status, body: (await res.json()) as any };
  };

  it.each([
    ['random bytes named .xlsx', 'w.xlsx', () => Buffer.from('PK\u0003\u0004 this is not a workbook'), 400, 'IMPORT_FILE_UNREADABLE'],
    ['an empty .xlsx', 'w.xlsx', () => Buffer.alloc(0), 400, 'IMPORT_FILE_UNREADABLE'],
    ['an executable', 'w.exe', () => Buffer.from('MZ\u0090\u0000'), 400, 'IMPORT_FILE_TYPE'],
    ['a CSV with 150 columns', 'w.csv', () => Array.from({ length: 150 }, (_, i) => `c${i}`).join(',') + '\n', 400, 'IMPORT_TOO_MANY_COLUMNS'],
    ['a CSV with 50 001 rows', 'w.csv', () => '姓名,身份证号\n' + 'a,b\n'.repeat(50_001), 400, 'IMPORT_HEADER_MISSING|IMPORT_TOO_MANY_ROWS'],
    ['a CSV holding a lone surrogate', 'w.csv', () => Buffer.from([0xed, 0xa0, 0x80, 0x0a]), 400, 'IMPORT_HEADER_MISSING'],
    ['21 MB', 'w.xlsx', () => Buffer.alloc(21 * 1024 * 1024, 1), 413, 'PAYLOAD_TOO_LARGE'],
  ])('refuses %s with a 4xx code at file and writes nothing', async (_label, name, content, status, code) => {
    const before = await counts();
    const res = await upload(name, content());
    expect(res.status).toBe(status);
    expect(res.body.code).toMatch(new RegExp(`^(${code})$`));
    if (status === 400) expect(res.body.details[0].path).toMatch(/^file/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a zip bomb (an .xlsx that unpacks beyond the limit) before unpacking it', async () => {
    const bomb = await zipBomb(MAX_INFLATED_BYTES + 1024 * 1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = await counts();
    const started = Date.now();
    const res = await upload('bomb.xlsx', bomb);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE', details: [{ path: 'file' }] });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await counts()).toEqual(before);
  });

  it('neutralises formula injection in the register export (=cmd|… stays text)', async () => {
    const rid = demoResidentId('330106', 777, 'F');
    const created = await app.request('POST', '/v1/workers', {
      token: admin,
      body: { name: "=cmd|' /C calc'!A0", residentId: rid.id, education: 'BACHELOR', politicalStatus: 'NONE', hireDate: '2024-03-01', employmentType: 'FULL_TIME', communityCode: '330106001001' },
    });
    expect(created.status).toBe(201);
    const id = created.body.worker.id;
    const res = await fetch(`${app.baseUrl}/v1/exports/workers.xlsx`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0];
    let found = 0;
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@]/);
      });
      if (row.getCell(1).value === id) {
        found++;
        expect(row.getCell(2).value).toBe("'=cmd|' /C calc'!A0");
      }
    });
    expect(found).toBe(1);
  });
});
