import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { parseMoney, type Fen } from '@cws/kernel';
import { OutboxRelay } from '@cws/messaging';
import { PiiCipher } from '@cws/persistence';
import { testPrincipals, type TestApp, until } from '@cws/testing';
// Payroll reaches workers and budget only through HTTP and queues; the test starts real apps of both.
import { demoCommunities, seedPayBudget } from '@cws/budget-testing';
import { computedRun, recordedChange, runPayslips, startPayrollWithBudget } from '@cws/payroll-testing';

const XIHU = '330106';
const PAY_STREAMS = ['PARTY_BUILDING', 'RESIDENTS_COMMITTEE', 'SERVICE_STATION'];
const money = (s: string): Fen => parseMoney(s, { allowNegative: true });
/** What ledger entries spent, in fen. */
const spentOf = (entries: Array<{ spent: string }>): Fen => entries.reduce((a, e) => a + money(e.spent), 0n);
/** An exceljs money cell (a number with two places) to fen, exactly. */
const cellFen = (v: unknown): Fen => BigInt(Math.round(Number(v ?? 0) * 100));

/** A downloaded payroll register (.xlsx): its sheet 工资发放表, the column keys of row 3, and a cell of a row in fen by key. */
async function registerSheet(xlsx: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('工资发放表')!;
  const keys = (ws.getRow(3).values as unknown[]).slice(1).map(String);
  const fen = (row: ExcelJS.Row, key: string): Fen => {
    if (!keys.includes(key)) throw new Error(`the register has no column ${key}`);
    return cellFen(row.getCell(keys.indexOf(key) + 1).value);
  };
  /** A column's figure on the last row (合计). */
  const total = (key: string) => fen(ws.getRow(ws.rowCount), key);
  return { ws, keys, fen, total };
}

/**
 * The PDF's text as pdf-parse (pdf.js) extracts it. pdf.js loads its worker by dynamic import, which
 * jest's VM refuses, so the extraction runs in a plain Node process.
 */
async function pdfText(pdf: Buffer): Promise<string> {
  const script = `const { PDFParse } = require('pdf-parse');
    const chunks = []; process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => { const p = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) }); process.stdout.write((await p.getText()).text); await p.destroy(); });`;
  const child = promisify(execFile)(process.execPath, ['-e', script], { cwd: process.cwd(), maxBuffer: 10 * 1024 * 1024 });
  child.child.stdin!.end(pdf);
  return (await child).stdout;
}

describe('run outputs: payslip PDF, register, bank files, declarations, budget postings — reconciled to the fen (real MySQL, Redis, workers and budget)', () => {
  let workers: TestApp;
  let budget: TestApp;
  let t: TestApp;
  let close: () => Promise<void>;
  let admin: string;
  let finance: string;
  let xihu: string;
  let shangcheng: string;
  let runId: string;
  type Slip = { id: string; workerId: number; name: string; gross: string; net: string; employerContributions: string; employeeContributions: string; tax: string; communityCode: string };
  let slips: Slip[];

  beforeAll(async () => {
    ({ workers, budget, payroll: t, tokens: { admin, finance, xihu, shangcheng }, close } = await startPayrollWithBudget({ workers: 540, sharedQueue: true }));
    // The test relays payroll's outbox itself, so it knows when postings leave.
    await t.app.get(OutboxRelay).onModuleDestroy();
    // The demo's pay money in the three pay streams (seeded idempotently: a second call adds nothing).
    expect(await seedPayBudget(budget.app.get(DataSource), demoCommunities())).toEqual({ appropriations: 9, allocations: 108 });
    expect(await seedPayBudget(budget.app.get(DataSource), demoCommunities())).toEqual({ appropriations: 0, allocations: 0 });
  }, 180_000);
  afterAll(() => close?.());

  const computed = (id: string) => computedRun(t, admin, id);

  const raw = async (path: string, token: string) => {
    const res = await fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', buffer: Buffer.from(await res.arrayBuffer()) };
  };
  const sum = (k: keyof Slip) => slips.reduce((a, s) => a + money(String(s[k])), 0n);

  it('computes and approves a Xihu November run (the setting for the outputs)', async () => {
    const res = await t.request('POST', '/v1/runs', { token: xihu, body: { period: '2026-11', type: 'REGULAR' } });
    expect(res.status).toBe(201);
    runId = res.body.id;
    const run = await computed(runId);
    expect(run.computation.state).toBe('DONE');
    expect(run.progress.failed).toBe(0);
    slips = await runPayslips(t, xihu, runId);
    expect(slips.length).toBe(run.progress.total);
    expect(slips.length).toBeGreaterThan(100);
  });

  it('a payslip PDF embeds a CJK font: its extracted text holds the worker’s Chinese name and net pay', async () => {
    const slip = slips.find((s) => /[\u4e00-\u9fff]/.test(s.name))!;
    const pdf = await raw(`/v1/payslips/${slip.id}.pdf`, xihu);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.buffer.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf.buffer);
    expect(text).toContain(slip.name);
    expect(text).toContain('工资条');
    expect(text).toContain(`实发金额 Net pay: ${slip.net}`);
    // The font comes from the npm package, embedded — not a reference to a system font.
    expect(pdf.buffer.includes(Buffer.from('/FontFile2')) || pdf.buffer.includes(Buffer.from('/FontFile3'))).toBe(true);
    expect((await raw(`/v1/payslips/${slip.id}.pdf`, shangcheng)).status).toBe(404);
  });

  it('the register reads back with exceljs: rows by place, component columns, subtotals, and totals equal to the payslips', async () => {
    const x = await raw(`/v1/runs/${runId}/register.xlsx`, xihu);
    expect(x.status).toBe(200);
    expect(x.disposition).toContain('payroll-register-2026-11');
    const { ws, keys } = await registerSheet(x.buffer);
    const col = (k: string) => keys.indexOf(k) + 1;
    expect(keys.slice(0, 6)).toEqual(['district', 'street', 'community', 'workerId', 'name', 'workers']);
    expect(keys).toContain('EARNING:BASE');
    expect(keys).toContain('EMPLOYEE_CONTRIBUTION:PENSION');
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((r, i) => i > 3 && rows.push(r));
    const workerRows = rows.filter((r) => r.getCell(col('workerId')).value);
    expect(workerRows).toHaveLength(slips.length);
    const total = rows[rows.length - 1];
    expect(total.getCell(col('name')).value).toBe('合计');
    expect(total.getCell(col('workers')).value).toBe(slips.length);
    expect(cellFen(total.getCell(col('NET')).value)).toBe(sum('net'));
    expect(cellFen(total.getCell(col('GROSS')).value)).toBe(sum('gross'));
    expect(cellFen(total.getCell(col('EMPLOYER_CONTRIBUTIONS')).value)).toBe(sum('employerContributions'));
    // Component columns add up to gross on the total row.
    const earningCols = keys.filter((k) => k.startsWith('EARNING:'));
    expect(earningCols.reduce((a, k) => a + cellFen(total.getCell(col(k)).value), 0n)).toBe(sum('gross'));
    // Ordered by place; a subtotal row closes every community and the street subtotals add to the district's.
    const communities = workerRows.map((r) => String(r.getCell(col('community')).value));
    expect([...communities].sort()).toEqual(communities);
    const labels = rows.map((r) => r.getCell(col('name')).value);
    expect(labels.filter((l) => l === '社区小计')).toHaveLength(new Set(communities).size);
    const streetRows = rows.filter((r) => r.getCell(col('name')).value === '街道小计');
    const district = rows.find((r) => r.getCell(col('name')).value === '区小计')!;
    expect(streetRows.reduce((a, r) => a + cellFen(r.getCell(col('NET')).value), 0n)).toBe(cellFen(district.getCell(col('NET')).value));
    expect((await raw(`/v1/runs/${runId}/register.xlsx`, shangcheng)).status).toBe(404);
  });

  it('declarations: the IIT template columns with a row per slip; SI and HF lists whose totals are the slips’ contributions', async () => {
    const load = async (kind: string) => {
      const x = await raw(`/v1/runs/${runId}/declarations/${kind}.xlsx`, xihu);
      expect(x.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.buffer as unknown as ArrayBuffer);
      return wb;
    };
    const iit = (await load('iit')).getWorksheet('正常工资薪金所得')!;
    expect((iit.getRow(1).values as unknown[]).slice(1, 7)).toEqual(['工号', '*姓名', '*证件类型', '*证件号码', '本期收入', '本期免税收入']);
    expect(iit.rowCount).toBe(slips.length + 1);
    // 证件号码 is the worker's resident ID, read from the workers service for the declaration (payroll keeps none).
    const [w] = await workers.app.get(DataSource).query('SELECT resident_id_enc FROM worker WHERE id = ?', [Number(iit.getRow(2).getCell(1).value)]);
    expect(iit.getRow(2).getCell(3).value).toBe('居民身份证');
    expect(iit.getRow(2).getCell(4).value).toBe(workers.app.get(PiiCipher).decrypt(w.resident_id_enc));
    let withoutId = 0;
    iit.eachRow((r, i) => i > 1 && !r.getCell(4).value && withoutId++);
    expect(withoutId).toBe(0);
    const [audit] = await workers.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'worker_snapshot' AND action = 'PULL_WITH_IDENTITIES'`);
    expect(Number(audit.n)).toBeGreaterThan(0);
    let income = 0n;
    iit.eachRow((r, i) => i > 1 && (income += cellFen(r.getCell(5).value)));
    expect(income).toBe(sum('gross'));
    const si = (await load('social-insurance')).getWorksheet('社会保险费')!;
    const hf = (await load('housing-fund')).getWorksheet('住房公积金')!;
    const lastFen = (ws: ExcelJS.Worksheet, header: string) => {
      const c = (ws.getRow(1).values as unknown[]).indexOf(header);
      return cellFen(ws.getRow(ws.rowCount).getCell(c).value);
    };
    expect(si.getRow(si.rowCount).getCell(1).value).toBe('合计');
    // Employee contributions on the slips = SI employee total + HF employee total.
    expect(lastFen(si, '个人合计') + lastFen(hf, '个人合计')).toBe(sum('employeeContributions'));
    expect(lastFen(si, '单位合计') + lastFen(hf, '单位合计')).toBe(sum('employerContributions'));
    // Each worker's row shows the base the slip contributed on: the pension is 8 % of it, to the fen.
    const col = (ws: ExcelJS.Worksheet, header: string) => (ws.getRow(1).values as unknown[]).indexOf(header);
    let rowsWithBase = 0;
    si.eachRow((r, i) => {
      if (i === 1 || i === si.rowCount) return;
      const base = cellFen(r.getCell(col(si, '缴费基数')).value);
      expect(cellFen(r.getCell(col(si, '养老保险 个人')).value)).toBe((base * 8n + 50n) / 100n);
      rowsWithBase++;
    });
    expect(rowsWithBase).toBeGreaterThan(0);
    expect((await raw(`/v1/runs/${runId}/declarations/iit.xlsx`, shangcheng)).status).toBe(404);
    expect((await t.request('GET', `/v1/runs/${runId}/declarations/pension.xlsx`, { token: xihu })).status).toBe(400);
    // whole resident IDs: not for street HR or auditors (they see masked IDs in the register); each download audited
    const auditor = t.tokenFor(testPrincipals.auditor());
    const streetHr = t.tokenFor({ ...testPrincipals.districtHr(XIHU), roles: ['STREET_HR'], scope: { level: 'STREET', district: XIHU, street: `${XIHU}001` } });
    for (const token of [auditor, streetHr]) expect((await t.request('GET', `/v1/runs/${runId}/declarations/iit.xlsx`, { token })).status).toBe(403);
    expect((await raw(`/v1/runs/${runId}/declarations/social-insurance.xlsx`, auditor)).status).toBe(200);
    const exports = await t.app.get(DataSource).query(`SELECT actor_id AS actor, after FROM audit_log WHERE entity = 'payroll_run' AND entity_id = ? AND action = 'EXPORT'`, [String(runId)]);
    const asJson = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    expect(exports.map((e: { actor: string; after: unknown }) => [e.actor, asJson(e.after)])).toEqual([[`u-hr-${XIHU}`, { file: 'iit', rows: slips.length }]]);
  });

  it('bank files need approval; then one CSV per paying account with header, payee lines and trailer, formula-safe', async () => {
    const early = await t.request('GET', `/v1/runs/${runId}/bank-files`, { token: finance });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('PAYROLL_RUN_NOT_APPROVED');
    expect((await t.request('POST', `/v1/runs/${runId}/submit`, { token: xihu })).status).toBe(200);
    expect((await t.request('POST', `/v1/runs/${runId}/approve`, { token: admin })).status).toBe(200);

    const list = await t.request('GET', `/v1/runs/${runId}/bank-files`, { token: finance });
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    const [f] = list.body;
    expect(f).toMatchObject({ payingAccount: '1202021109903301060', url: `/api/payroll/v1/runs/${runId}/bank-files/1202021109903301060.csv`, missingAccounts: [] });
    expect(f.count).toBe(slips.filter((s) => money(s.net) > 0n).length);
    expect(money(f.total)).toBe(sum('net'));
    const csv = await raw(f.url.replace('/api/payroll', ''), finance);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    const lines = csv.buffer.toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('account,name,amount,reference');
    expect(lines[lines.length - 1]).toBe(`TOTAL,${f.count},${f.total}`);
    const payees = lines.slice(1, -1).map((l) => l.split(','));
    expect(payees).toHaveLength(f.count);
    expect(payees.reduce((a, p) => a + money(p[2]), 0n)).toBe(sum('net'));
    expect(payees.every((p) => /^\d{12,19}$/.test(p[0]) && p[3].startsWith(`payroll-run:${runId}:payslip:`))).toBe(true);
    const [audited] = await t.app.get(DataSource).query(`SELECT after FROM audit_log WHERE entity = 'payroll_run' AND entity_id = ? AND action = 'EXPORT' AND after LIKE '%"bank"%'`, [String(runId)]);
    expect(typeof audited.after === 'string' ? JSON.parse(audited.after) : audited.after).toEqual({ file: 'bank', payingAccount: f.payingAccount, payees: f.count });

    // HR may not download account numbers; a client of another district sees no such run.
    expect((await t.request('GET', `/v1/runs/${runId}/bank-files`, { token: xihu })).status).toBe(403);
    const otherClient = t.tokenFor(testPrincipals.client(['payroll:pay', 'payroll:read'], '330102'));
    expect((await t.request('GET', `/v1/runs/${runId}/bank-files`, { token: otherClient })).status).toBe(404);
    expect((await raw(`/v1/runs/${runId}/bank-files/1202021109903301060.csv`, otherClient)).status).toBe(404);
  });

  it('paying posts the cost to budget once, by stream; Σ payslips = register = bank files = budget postings, to the fen', async () => {
    const pay = await t.request('POST', `/v1/runs/${runId}/pay`, { token: finance });
    expect(pay.status).toBe(200);
    expect(pay.body.status).toBe('PAID');
    const pds = t.app.get(DataSource);
    const outbox = await pds.query(`SELECT payload FROM outbox_event WHERE queue = 'budget-postings'`);
    expect(outbox.length).toBeGreaterThan(0);
    const relay = t.app.get(OutboxRelay);
    await relay.relayNow();
    const bFinance = budget.tokenFor(testPrincipals.finance());
    const ledger = async () => {
      const items: Array<{ spent: string; stream: string; entryType: string; postingId: string }> = [];
      let after: string | null = null;
      do {
        const r = await budget.request('GET', `/v1/ledger?sourceRefPrefix=payroll-run:${runId}:&limit=1000${after ? `&after=${after}` : ''}`, { token: bFinance });
        expect(r.status).toBe(200);
        items.push(...r.body.items);
        after = r.body.nextAfter;
      } while (after);
      return items;
    };
    const entries = await until('the run\'s postings in the ledger', ledger, (e) => e.length >= outbox.length, 60_000, 100);
    expect(entries).toHaveLength(outbox.length);
    expect(entries.every((e) => e.entryType === 'EXPENDITURE' && PAY_STREAMS.includes(e.stream))).toBe(true);
    expect((await budget.request('GET', '/v1/unmatched-postings', { token: bFinance })).body.items ?? []).toEqual([]);
    const posted = spentOf(entries);

    // The reconciliation: payslips, run totals, register, bank files and budget agree to the fen.
    const run = (await t.request('GET', `/v1/runs/${runId}`, { token: admin })).body;
    const { total: reg } = await registerSheet((await raw(`/v1/runs/${runId}/register.xlsx`, admin)).buffer);
    const files = (await t.request('GET', `/v1/runs/${runId}/bank-files`, { token: finance })).body as Array<{ total: string }>;
    const banked = files.reduce((a, f) => a + money(f.total), 0n);

    expect(money(run.totals.net)).toBe(sum('net'));
    expect(reg('NET')).toBe(sum('net'));
    expect(banked).toBe(sum('net'));
    expect(money(run.totals.gross) + money(run.totals.employerContributions)).toBe(sum('gross') + sum('employerContributions'));
    expect(reg('GROSS') + reg('EMPLOYER_CONTRIBUTIONS')).toBe(sum('gross') + sum('employerContributions'));
    expect(posted).toBe(sum('gross') + sum('employerContributions'));

    // Sent once: relaying again (and after a crash that lost the dispatch marks) books nothing new.
    await pds.query(`UPDATE outbox_event SET dispatched_at = NULL WHERE queue = 'budget-postings'`);
    await relay.relayNow();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await ledger()).toHaveLength(entries.length);
    // Paying twice is refused by the lifecycle, so no second set of outbox rows either.
    expect((await t.request('POST', `/v1/runs/${runId}/pay`, { token: finance })).status).toBe(409);
    expect((await pds.query(`SELECT COUNT(*) AS n FROM outbox_event WHERE queue = 'budget-postings'`))[0].n).toBe(String(outbox.length));
  });

  it('a CORRECTION run reverses and re-issues one worker’s paid November slip; the difference reconciles to the fen; a second open correction → 409', async () => {
    // A worker below the top of their band gets a grade raise recorded now, effective 1 November: November was paid on the old grade.
    const snap = await workers.request('GET', `/v1/snapshots?asOf=2026-11-30&scope=${XIHU}&limit=5000`, { token: workers.tokenFor(testPrincipals.cityAdmin()) });
    const top: Record<string, number> = { HEAD: 18, DEPUTY: 15, OTHER: 12 };
    const w = (snap.body.items as Array<{ workerId: number; grade: number | null; gradeBand: string | null; employmentType: string; secondment: unknown }>).find(
      (x) => x.employmentType === 'FULL_TIME' && !x.secondment && x.grade !== null && x.gradeBand !== null && x.grade < top[x.gradeBand] && slips.some((s) => s.workerId === x.workerId),
    )!;
    const origId = slips.find((s) => s.workerId === w.workerId)!.id;
    const original = (await t.request('GET', `/v1/payslips/${origId}`, { token: admin })).body;
    const raise = await workers.request('POST', `/v1/workers/${w.workerId}/events`, {
      token: workers.tokenFor(testPrincipals.cityAdmin()), body: { kind: 'GRADE_CHANGE', date: '2026-11-01', grade: w.grade! + 1, note: '晋级（补录）' },
    });
    expect(raise.status).toBe(201);

    // Bad requests first: no workers, a worker without a slip in the run.
    expect((await t.request('POST', '/v1/runs', { token: xihu, body: { period: '2026-11', type: 'CORRECTION', correctsRunId: runId } })).body.details[0].path).toBe('workerIds');
    const stranger = await t.request('POST', '/v1/runs', { token: xihu, body: { period: '2026-11', type: 'CORRECTION', correctsRunId: runId, workerIds: [w.workerId, 987654321] } });
    expect(stranger.status).toBe(400);
    expect(stranger.body.details[0].path).toBe('workerIds[1]');

    const created = await t.request('POST', '/v1/runs', { token: xihu, body: { period: '2026-11', type: 'CORRECTION', correctsRunId: runId, workerIds: [w.workerId] } });
    expect(created.status).toBe(201);
    const cid = created.body.id as string;
    expect(created.body).toMatchObject({ type: 'CORRECTION', correctsRunId: runId, status: 'DRAFT' });
    // The same slip cannot be corrected twice at once.
    const again = await t.request('POST', '/v1/runs', { token: xihu, body: { period: '2026-11', type: 'CORRECTION', correctsRunId: runId, workerIds: [w.workerId] } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PAYROLL_CORRECTION_OPEN');
    expect(again.body.details ?? again.body).toBeTruthy();

    const run = await computed(cid);
    expect(run.computation.state).toBe('DONE');
    expect(run.progress).toEqual({ done: 1, total: 1, failed: 0 });
    const pair = (await t.request('GET', `/v1/runs/${cid}/payslips`, { token: xihu })).body.items as Array<Slip & { slipKind: string; correctsPayslipId: string }>;
    expect(pair.map((s) => s.slipKind).sort()).toEqual(['REISSUE', 'REVERSAL']);
    expect(pair.every((s) => s.correctsPayslipId === origId)).toBe(true);
    const reversal = (await t.request('GET', `/v1/payslips/${pair.find((s) => s.slipKind === 'REVERSAL')!.id}`, { token: xihu })).body;
    const reissue = (await t.request('GET', `/v1/payslips/${pair.find((s) => s.slipKind === 'REISSUE')!.id}`, { token: xihu })).body;
    expect(money(reversal.net)).toBe(-money(original.net));
    expect(money(reversal.gross)).toBe(-money(original.gross));
    expect(reversal.lines.find((l: { code: string }) => l.code === 'BASE').amount).toBe(`-${original.lines.find((l: { code: string }) => l.code === 'BASE').amount}`);
    expect(reissue.grade).toBe(w.grade! + 1);
    const difference = money(reissue.net) - money(original.net);
    expect(difference).toBeGreaterThan(0n);
    expect(money(run.totals.net)).toBe(difference);
    // Cumulative withholding: the re-issue's state counts the corrected income and tax.
    expect(money(reissue.taxState.income) - money(original.taxState.income)).toBe(money(reissue.gross) - money(original.gross));
    expect(money(reissue.taxState.taxWithheld) - money(original.taxState.taxWithheld)).toBe(money(reissue.tax) - money(original.tax));

    // December is computed (and submitted) before the correction is settled: its tax state would miss the correction.
    await recordedChange(t, admin, w.workerId, 'worker.grade-changed', '2026-11-01');
    const december = await t.request('POST', '/v1/runs', { token: xihu, body: { period: '2026-12', type: 'REGULAR' } });
    expect(december.status).toBe(201);
    await computed(december.body.id);
    expect((await t.request('POST', `/v1/runs/${december.body.id}/submit`, { token: xihu })).status).toBe(200);

    // Same lifecycle and four eyes; then paid.
    expect((await t.request('POST', `/v1/runs/${cid}/submit`, { token: xihu })).status).toBe(200);
    expect((await t.request('POST', `/v1/runs/${cid}/approve`, { token: admin })).status).toBe(200);
    expect((await t.request('POST', `/v1/runs/${cid}/pay`, { token: finance })).status).toBe(200);
    await t.app.get(OutboxRelay).relayNow();

    // Register and bank file show only the difference; budget postings carry the delta.
    const { total: reg } = await registerSheet((await raw(`/v1/runs/${cid}/register.xlsx`, admin)).buffer);
    expect(reg('NET')).toBe(difference);
    const files = (await t.request('GET', `/v1/runs/${cid}/bank-files`, { token: finance })).body as Array<{ total: string; count: number; url: string }>;
    expect(files.reduce((a, f) => a + money(f.total), 0n)).toBe(difference);
    expect(files.reduce((a, f) => a + f.count, 0)).toBe(1);
    const delta = money(reissue.gross) - money(original.gross) + money(reissue.employerContributions) - money(original.employerContributions);
    expect(reg('GROSS') + reg('EMPLOYER_CONTRIBUTIONS')).toBe(delta);
    const bFinance = budget.tokenFor(testPrincipals.finance());
    const booked = await until('the correction\'s postings', async () =>
      (await budget.request('GET', `/v1/ledger?sourceRefPrefix=payroll-run:${cid}:&limit=1000`, { token: bFinance })).body.items as Array<{ spent: string }>,
    (items) => spentOf(items) === delta, 60_000, 100);
    expect(spentOf(booked)).toBe(delta);

    // December was computed before the correction was approved: approving it now → 409; rejected and recalculated, it is approved,
    // its withholding starts from the corrected year-to-date, and it pays no November arrears (the correction paid the difference).
    const stale = await t.request('POST', `/v1/runs/${december.body.id}/approve`, { token: admin });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('PAYROLL_RUN_STALE');
    expect((await t.request('POST', `/v1/runs/${december.body.id}/reject`, { token: admin, body: { reason: '更正单已审批，请重算' } })).status).toBe(200);
    expect((await t.request('POST', `/v1/runs/${december.body.id}/recalculate`, { token: xihu })).status).toBe(200);
    expect((await computed(december.body.id)).progress.failed).toBe(0);
    expect((await t.request('POST', `/v1/runs/${december.body.id}/submit`, { token: xihu })).status).toBe(200);
    expect((await t.request('POST', `/v1/runs/${december.body.id}/approve`, { token: admin })).status).toBe(200);
    const decSlips = (await t.request('GET', `/v1/runs/${december.body.id}/payslips?limit=5000`, { token: xihu })).body.items as Slip[];
    const dec = (await t.request('GET', `/v1/payslips/${decSlips.find((s) => s.workerId === w.workerId)!.id}`, { token: xihu })).body;
    expect(money(dec.taxState.income)).toBe(money(reissue.taxState.income) + money(dec.gross));
    expect(money(dec.taxState.taxWithheld)).toBe(money(reissue.taxState.taxWithheld) + money(dec.tax));
    expect(dec.lines.filter((l: { code: string }) => l.code === 'ARREARS')).toEqual([]);

    // The original slip is unchanged; once this correction is paid, the worker's slip can be corrected again (from the re-issue).
    expect((await t.request('GET', `/v1/payslips/${origId}`, { token: admin })).body).toEqual(original);
    const next = await t.request('POST', '/v1/runs', { token: xihu, body: { period: '2026-11', type: 'CORRECTION', correctsRunId: runId, workerIds: [w.workerId] } });
    expect(next.status).toBe(201);
    expect((await t.request('POST', `/v1/runs/${next.body.id}/cancel`, { token: xihu })).status).toBe(200);

    // The raise was a mistake: the grade goes back (same date, recorded later, so it wins) and a second correction LOWERS pay.
    // Its negative gross + employer delta reaches the budget as refunds: the ledger under its prefix holds exactly that delta.
    const undo = await workers.request('POST', `/v1/workers/${w.workerId}/events`, {
      token: workers.tokenFor(testPrincipals.cityAdmin()), body: { kind: 'GRADE_CHANGE', date: '2026-11-01', grade: w.grade!, note: '晋级撤销（更正）' },
    });
    expect(undo.status).toBe(201);
    const lower = await t.request('POST', '/v1/runs', { token: xihu, body: { period: '2026-11', type: 'CORRECTION', correctsRunId: runId, workerIds: [w.workerId] } });
    expect(lower.status).toBe(201);
    const lid = lower.body.id as string;
    expect((await computed(lid)).progress).toEqual({ done: 1, total: 1, failed: 0 });
    const lowerPair = (await t.request('GET', `/v1/runs/${lid}/payslips`, { token: xihu })).body.items as Array<Slip & { slipKind: string }>;
    const reissue2 = (await t.request('GET', `/v1/payslips/${lowerPair.find((s) => s.slipKind === 'REISSUE')!.id}`, { token: xihu })).body;
    expect(reissue2.grade).toBe(w.grade);
    const down = money(reissue2.gross) - money(reissue.gross) + money(reissue2.employerContributions) - money(reissue.employerContributions);
    expect(down).toBeLessThan(0n);
    expect(down).toBe(-delta);
    expect((await t.request('POST', `/v1/runs/${lid}/submit`, { token: xihu })).status).toBe(200);
    expect((await t.request('POST', `/v1/runs/${lid}/approve`, { token: admin })).status).toBe(200);
    expect((await t.request('POST', `/v1/runs/${lid}/pay`, { token: finance })).status).toBe(200);
    await t.app.get(OutboxRelay).relayNow();
    const refunded = await until('the refunds', async () =>
      (await budget.request('GET', `/v1/ledger?sourceRefPrefix=payroll-run:${lid}:&limit=1000`, { token: bFinance })).body.items as Array<{ spent: string; entryType: string }>,
    (items) => spentOf(items) === down, 60_000, 100);
    expect(spentOf(refunded)).toBe(down);
    expect(refunded.every((e) => e.entryType === 'REFUND')).toBe(true);
    // Each refund names the corrected run's posting of its account, and is booked on the allocation that posting paid from.
    const sent = (await t.app.get(DataSource).query(`SELECT payload FROM outbox_event WHERE queue = 'budget-postings'`))
      .map((r: { payload: unknown }) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as { sourceRef: string; refundOf?: string })
      .filter((c: { sourceRef: string }) => c.sourceRef.startsWith(`payroll-run:${lid}:`));
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.map((c: { sourceRef: string; refundOf?: string }) => c.refundOf)).toEqual(sent.map((c: { sourceRef: string }) => c.sourceRef.replace(`payroll-run:${lid}:`, `payroll-run:${runId}:`)));
    const bds = budget.app.get(DataSource);
    const [onPayer] = await bds.query(
      `SELECT COUNT(*) AS refunds, SUM(r.allocation_id = o.allocation_id) AS onPayer FROM posting r
         JOIN posting o ON o.external_key = REPLACE(r.external_key, ?, ?) WHERE r.external_key LIKE ?`,
      [`payroll-run:${lid}:`, `payroll-run:${runId}:`, `PAYROLL:payroll-run:${lid}:%`],
    );
    expect([Number(onPayer.refunds), Number(onPayer.onPayer)]).toEqual([sent.length, sent.length]);
    // Nothing was parked: every refund found the spending it gives back.
    expect((await budget.request('GET', '/v1/unmatched-postings', { token: bFinance })).body.items.filter((u: { sourceRef: string }) => u.sourceRef.startsWith(`payroll-run:${lid}:`))).toEqual([]);
  }, 240_000);

  it('the benchmark reads real pay: a paid January run makes January paid, its statistical wage the year-to-date figure', async () => {
    const jan = await t.request('POST', '/v1/runs', { token: xihu, body: { period: '2026-01', type: 'REGULAR' } });
    expect(jan.status).toBe(201);
    expect((await computed(jan.body.id)).progress.failed).toBe(0);
    expect((await t.request('POST', `/v1/runs/${jan.body.id}/submit`, { token: xihu })).status).toBe(200);
    expect((await t.request('POST', `/v1/runs/${jan.body.id}/approve`, { token: admin })).status).toBe(200);
    expect((await t.request('POST', `/v1/runs/${jan.body.id}/pay`, { token: finance })).status).toBe(200);
    // Expected: Σ gross of January's slips less the seconded-in cadres' (their slips carry the SECONDED_IN subsidy line).
    const { ws, keys, fen } = await registerSheet((await raw(`/v1/runs/${jan.body.id}/register.xlsx`, xihu)).buffer);
    const at = (r: ExcelJS.Row, k: string) => (keys.includes(k) ? fen(r, k) : 0n);
    let counted = 0n;
    let cadres = 0;
    ws.eachRow((r, i) => {
      if (i <= 3 || !r.getCell(keys.indexOf('workerId') + 1).value) return;
      if (at(r, 'EARNING:SECONDED_IN') > 0n) cadres++;
      else counted += at(r, 'GROSS');
    });
    expect(cadres).toBeGreaterThan(0);
    const res = await t.request('GET', '/v1/benchmark/compliance?year=2026&asOf=2026-01-31', { token: xihu });
    expect(res.status).toBe(200);
    expect(res.body.paidThrough).toBe(1);
    const [g] = res.body.groups;
    expect(g).toMatchObject({ districtCode: XIHU, ytdMonths: 1 });
    expect(money(g.ytdPaid)).toBe(counted);
    // A street report counts January as paid too: the district's run covers the street.
    const street = await t.request('GET', '/v1/benchmark/compliance?year=2026&asOf=2026-01-31&scope=330106001', { token: xihu });
    expect(street.body.paidThrough).toBe(1);
  });
});
