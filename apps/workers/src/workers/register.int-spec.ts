import { testPrincipals, usingApp } from '@cws/testing';
import { hireWorker, residentIdSequence, startWorkersWithOrg } from '@cws/workers-testing';
import { today } from '../common/sql';

const XIHU = '330106';
const CUIYUAN1 = '330106001001';
const CUIYUAN2 = '330106001002';
const newId = residentIdSequence(900_000);

describe('workforce register: workers, appointments, secondments, snapshots (real MySQL)', () => {
  const app = usingApp(() => startWorkersWithOrg());

  const hire = (over: Record<string, unknown> = {}, token = app.tokens.admin) =>
    hireWorker(app.t, token, { name: '张丽华', residentId: newId(), politicalStatus: 'CPC_MEMBER', communityCode: CUIYUAN1, bankAccount: '6225768888888888', ...over });
  const appoint = (body: Record<string, unknown>, token = app.tokens.admin) =>
    app.t.request('POST', '/v1/appointments', { token, body: { communityCode: CUIYUAN1, obtainedBy: 'ELECTION', from: '2021-01-01', ...body } });

  it('registers a worker: birth date and sex derived from the resident ID, Luhn only warned', async () => {
    const rid = '11010519491231002X';
    const res = await app.t.request('POST', '/v1/workers', {
      token: app.tokens.xihu,
      body: { name: '李秀英', residentId: rid, education: 'JUNIOR_COLLEGE', politicalStatus: 'NONE', hireDate: '2010-03-01', employmentType: 'FULL_TIME', communityCode: CUIYUAN1, bankAccount: '6225768888888880' },
    });
    expect(res.status).toBe(201);
    expect(res.body.worker).toMatchObject({ birthYear: 1949, sex: 'F', residentIdMasked: '**************002X', status: 'ACTIVE', bankLuhnOk: false });
    expect(res.body.warnings).toEqual([{ path: 'bankAccount', issue: expect.stringContaining('Luhn') }]);
    const dup = await app.t.request('POST', '/v1/workers', {
      token: app.tokens.admin,
      body: { name: '重复', residentId: rid, education: 'BACHELOR', politicalStatus: 'NONE', hireDate: '2012-01-01', employmentType: 'FULL_TIME', communityCode: '330102001001' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('RESIDENT_ID_TAKEN');
  });

  it('rejects a bad check character, a disagreeing birth date and a malformed bank account, naming the field', async () => {
    const base = { name: '王五', education: 'BACHELOR', politicalStatus: 'NONE', hireDate: '2015-01-01', employmentType: 'FULL_TIME', communityCode: CUIYUAN1 };
    const bad = await app.t.request('POST', '/v1/workers', { token: app.tokens.admin, body: { ...base, residentId: '310108198403300083' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'RESIDENT_ID_CHECKSUM', details: [{ path: 'residentId' }] });
    expect(JSON.stringify(bad.body)).not.toContain('310108198403300083');
    const mismatch = await app.t.request('POST', '/v1/workers', { token: app.tokens.admin, body: { ...base, residentId: '34052419800101001X', birthDate: '1980-01-02' } });
    expect(mismatch.body).toMatchObject({ code: 'BIRTH_DATE_MISMATCH', details: [{ path: 'birthDate' }] });
    const sex = await app.t.request('POST', '/v1/workers', { token: app.tokens.admin, body: { ...base, residentId: '34052419800101001X', sex: 'F' } });
    expect(sex.body.code).toBe('SEX_MISMATCH');
    const bank = await app.t.request('POST', '/v1/workers', { token: app.tokens.admin, body: { ...base, residentId: newId(), bankAccount: '12345' } });
    expect(bank.body).toMatchObject({ code: 'BANK_ACCOUNT_FORMAT', details: [{ path: 'bankAccount' }] });
  });

  it('never stores or lists raw resident IDs and bank accounts; the full view is audited and role-gated', async () => {
    const rid = newId('M');
    const w = (await app.t.request('POST', '/v1/workers', {
      token: app.tokens.admin,
      body: { name: '赵强', residentId: rid, education: 'MASTER', politicalStatus: 'CPC_MEMBER', hireDate: '2018-01-01', employmentType: 'FULL_TIME', communityCode: CUIYUAN2, bankAccount: '4111111111111111' },
    })).body.worker;
    const rows = await app.ds.query('SELECT * FROM worker');
    const dump = JSON.stringify(rows) + JSON.stringify(await app.ds.query('SELECT * FROM audit_log')) + JSON.stringify(await app.ds.query('SELECT * FROM outbox_event'));
    for (const secret of [rid, '4111111111111111', '11010519491231002X', '6225768888888888']) expect(dump).not.toContain(secret);
    const row = rows.find((r: { id: number }) => Number(r.id) === w.id);
    expect(row.resident_id_enc).toMatch(/^k1:[^:]+:[^:]+:[^:]+$/);
    expect(row.resident_id_hash).toMatch(/^[0-9a-f]{64}$/);

    const list = await app.t.request('GET', `/v1/workers?community=${CUIYUAN2}`, { token: app.tokens.admin });
    expect(JSON.stringify(list.body)).not.toContain(rid);
    expect(list.body.items[0].residentIdMasked).toBe('*'.repeat(14) + rid.slice(-4));
    const detail = await app.t.request('GET', `/v1/workers/${w.id}`, { token: app.tokens.admin });
    expect(JSON.stringify(detail.body)).not.toContain(rid);
    expect(JSON.stringify(detail.body)).not.toContain('4111111111111111');

    const pii = await app.t.request('GET', `/v1/workers/${w.id}/pii`, { token: app.tokens.xihu });
    expect(pii.body).toEqual({ id: w.id, residentId: rid, birthDate: `${rid.slice(6, 10)}-${rid.slice(10, 12)}-${rid.slice(12, 14)}`, bankAccount: '4111111111111111' });
    const [audit] = await app.ds.query(`SELECT actor_name, action FROM audit_log WHERE entity = 'worker' AND entity_id = ? AND action = 'VIEW_PII'`, [String(w.id)]);
    expect(audit).toEqual({ actor_name: `hr-${XIHU}`, action: 'VIEW_PII' });
    expect((await app.t.request('GET', `/v1/workers/${w.id}/pii`, { token: app.t.tokenFor(testPrincipals.finance()) })).status).toBe(403);
    expect((await app.t.request('GET', `/v1/workers/${w.id}/pii`, { token: app.tokens.shangcheng })).status).toBe(404);
  });

  it('looks workers up by full resident ID in the scope, by position; a bad ID is named by its position; audited without the IDs', async () => {
    const [a, b] = [newId('F'), newId('M')];
    const wa = await hire({ residentId: a, name: '查找甲' });
    const wb = await hire({ residentId: b, name: '查找乙', communityCode: '330102001001' });
    const unknown = newId();
    const lookup = (residentIds: unknown, token = app.tokens.xihu) => app.t.request('POST', '/v1/workers/lookup', { token, body: { residentIds } });

    // xihu sees a, not b (another district): b is missing, as an unregistered ID is; a repeated ID is found at both places
    const res = await lookup([unknown, a, b, a]);
    expect(res.status).toBe(200);
    expect(res.body.found.map((f: { index: number; worker: { id: number; name: string; residentIdMasked: string } }) => [f.index, f.worker.id, f.worker.name, f.worker.residentIdMasked])).toEqual([
      [1, wa.id, '查找甲', '*'.repeat(14) + a.slice(-4)],
      [3, wa.id, '查找甲', '*'.repeat(14) + a.slice(-4)],
    ]);
    expect(res.body.missing).toEqual([0, 2]);
    expect(JSON.stringify(res.body)).not.toContain(a);
    expect((await lookup([b], app.tokens.admin)).body.found.map((f: { worker: { id: number } }) => f.worker.id)).toEqual([wb.id]);

    const [audit] = await app.ds.query("SELECT actor_name AS actor, `after` FROM audit_log WHERE entity = 'worker' AND action = 'LOOKUP_RESIDENT_ID' ORDER BY id LIMIT 1");
    expect(audit.actor).toBe(`hr-${XIHU}`);
    expect(typeof audit.after === 'string' ? JSON.parse(audit.after) : audit.after).toEqual({ sent: 4, found: 2 });

    const badCheck = `${a.slice(0, 17)}${a[17] === '0' ? '1' : '0'}`;
    const bad = await lookup([a, badCheck]);
    expect(bad.body).toMatchObject({ code: 'RESIDENT_ID_CHECKSUM', details: [{ path: 'residentIds[1]' }] });
    expect(JSON.stringify(bad.body)).not.toContain(badCheck);
    for (const body of [[], 'x', [`${a.slice(0, 17)}x`], [12], [`${a.slice(0, 17)}\ud800`], [`${'9'.repeat(400)}`], Array.from({ length: 2001 }, () => a)]) {
      const refused = await lookup(body);
      // 400 on the field (a lone surrogate is named at its position)
      expect([refused.status, refused.body.details?.[0]?.path]).toEqual([400, expect.stringMatching(/^residentIds(\[\d+\])?$/)]);
    }
    expect((await lookup([a], app.t.tokenFor(testPrincipals.auditor()))).status).toBe(200);
  });

  it('lists with filters, sorting and keyset pagination', async () => {
    for (const name of ['甲一', '甲二', '甲三']) await hire({ name, communityCode: '330106001003', qualificationLevel: 'SOCIAL_WORKER' });
    const seen: string[] = [];
    const totals: Array<number | undefined> = [];
    let after: string | null = null;
    do {
      const page: { body: { items: Array<{ name: string }>; nextAfter: string | null; total?: number } } = await app.t.request('GET', `/v1/workers?community=330106001003&sort=-name&limit=2${after ? `&after=${after}` : ''}`, { token: app.tokens.xihu });
      seen.push(...page.body.items.map((i) => i.name));
      totals.push(page.body.total);
      after = page.body.nextAfter;
    } while (after);
    expect(seen).toEqual(['甲二', '甲三', '甲一'].sort().reverse());
    expect(totals).toEqual([3, undefined]); // counted once, on the first page
    const q = await app.t.request('GET', '/v1/workers?q=甲&qualification=SOCIAL_WORKER', { token: app.tokens.xihu });
    expect(q.body.items).toHaveLength(3);
    // counted on worker alone, named by a per-row lookup: the count and the names are the joined ones
    expect(q.body.total).toBe(3);
    expect(q.body.items.every((i: { communityName: unknown }) => typeof i.communityName === 'string' && i.communityName.length > 0)).toBe(true);
    expect(Object.keys(q.body.items[0]).sort()).toEqual([
      'birthYear', 'communityCode', 'communityName', 'districtCode', 'employmentType', 'grade', 'gradeBand', 'hireDate', 'id', 'name', 'phone', 'plannedTransferDate', 'postBand',
      'qualificationLevel', 'residentIdMasked', 'sex', 'status', 'streetCode',
    ]);
    expect((await app.t.request('GET', '/v1/workers?after=garbage', { token: app.tokens.xihu })).body.code).toBe('INVALID_CURSOR');
  });

  it('enforces one head per body, one primary post per worker and no duplicate posts; ends instead of deleting', async () => {
    const a = await hire();
    const b = await hire();
    const first = await appoint({ workerId: a.id, bodyKind: 'PARTY', role: 'SECRETARY', primary: true });
    expect(first.status).toBe(201);
    const second = await appoint({ workerId: b.id, bodyKind: 'PARTY', role: 'SECRETARY', from: '2022-01-01' });
    expect(second.body.code).toBe('BODY_HEAD_TAKEN');
    const primary = await appoint({ workerId: a.id, bodyKind: 'STATION', role: 'STAFF', primary: true });
    expect(primary.body.code).toBe('PRIMARY_APPOINTMENT_EXISTS');
    const dup = await appoint({ workerId: a.id, bodyKind: 'PARTY', role: 'SECRETARY', from: '2023-01-01' });
    expect(dup.body.code).toBe('DUPLICATE_APPOINTMENT');
    const wrongRole = await appoint({ workerId: a.id, bodyKind: 'PARTY', role: 'DIRECTOR' });
    expect(wrongRole.body).toMatchObject({ code: 'ROLE_NOT_IN_BODY', details: [{ path: 'role' }] });

    // 一肩挑: the secretary also directs the committee
    expect((await appoint({ workerId: a.id, bodyKind: 'COMMITTEE', role: 'DIRECTOR' })).status).toBe(201);
    expect((await appoint({ workerId: b.id, bodyKind: 'COMMITTEE', role: 'DEPUTY_DIRECTOR', primary: true })).status).toBe(201);
    const cross = await app.t.request('GET', `/v1/communities/${CUIYUAN1}/cross-appointment?date=2024-01-01`, { token: app.tokens.xihu });
    expect(cross.body).toMatchObject({ communityCode: CUIYUAN1, leaders: 2, crossAppointed: 1, rate: '0.5000', oneShoulder: true });

    // the secretary's term ends; a successor may take over the next day, not before
    const end = await app.t.request('POST', `/v1/appointments/${first.body.id}/end`, { token: app.tokens.xihu, body: { to: '2024-06-30', reason: '换届' } });
    expect(end.status).toBe(200);
    expect((await appoint({ workerId: b.id, bodyKind: 'PARTY', role: 'SECRETARY', from: '2024-06-30' })).body.code).toBe('BODY_HEAD_TAKEN');
    expect((await appoint({ workerId: b.id, bodyKind: 'PARTY', role: 'SECRETARY', from: '2024-07-01' })).status).toBe(201);
    const posts = await app.t.request('GET', `/v1/workers/${a.id}/posts?date=2024-07-01`, { token: app.tokens.xihu });
    expect(posts.body.posts.map((p: { role: string }) => p.role)).toEqual(['DIRECTOR']);
    // over a span (a roster month reads its leaders once): both secretaries of July 2024's turn, each with their own dates
    const month = await app.t.request('GET', `/v1/communities/${CUIYUAN1}/posts?date=2024-06-15&through=2024-07-14`, { token: app.tokens.xihu });
    const secretaries = (month.body.posts as Array<{ workerId: number; role: string; from: string; to: string | null }>).filter((p) => p.role === 'SECRETARY');
    expect(month.body).toMatchObject({ date: '2024-06-15', through: '2024-07-14' });
    expect(secretaries.map(({ workerId, to }) => [workerId, to])).toEqual(expect.arrayContaining([[a.id, '2024-06-30'], [b.id, null]]));
    const reversed = await app.t.request('GET', `/v1/communities/${CUIYUAN1}/posts?date=2024-07-14&through=2024-06-15`, { token: app.tokens.xihu });
    expect([reversed.status, reversed.body.code, reversed.body.details?.[0]?.path]).toEqual([400, 'THROUGH_BEFORE_DATE', 'through']);
    // 63 days (2024 is a leap year)
    const long = await app.t.request('GET', `/v1/communities/${CUIYUAN1}/posts?date=2024-01-01&through=2024-03-03`, { token: app.tokens.xihu });
    expect([long.status, long.body.code, long.body.details?.[0]?.path]).toEqual([400, 'POSTS_RANGE_TOO_LONG', 'through']);
    // hostile values of the new parameter: a partial date, a lone surrogate, a huge number — each a 400 on `through`
    for (const bad of ['2024-07', '%ED%A0%80', '99999999999999999999']) {
      const res = await app.t.request('GET', `/v1/communities/${CUIYUAN1}/posts?date=2024-06-15&through=${bad}`, { token: app.tokens.xihu });
      expect([bad, res.status, res.body.details?.[0]?.path]).toEqual([bad, 400, 'through']);
    }
    expect((await app.t.request('DELETE', `/v1/appointments/${first.body.id}`, { token: app.tokens.admin })).status).toBe(404);
    const history = await app.ds.query('SELECT COUNT(*) AS n FROM appointment WHERE worker_id = ?', [a.id]);
    expect(Number(history[0].n)).toBe(2);
    expect(Number((await app.ds.query(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'appointment'`))[0].n)).toBeGreaterThanOrEqual(5);
  });

  it('two concurrent requests appointing two different heads to one body: exactly one succeeds', async () => {
    const x = await hire({ communityCode: CUIYUAN2 });
    const y = await hire({ communityCode: CUIYUAN2 });
    for (let round = 0; round < 3; round++) {
      const from = `${2030 + round}-01-01`;
      const to = `${2030 + round}-12-31`;
      const results = await Promise.all([x, y].map((w) => appoint({ workerId: w.id, communityCode: CUIYUAN2, bodyKind: 'STATION', role: 'STATION_HEAD', from, to })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)!.body.code).toBe('BODY_HEAD_TAKEN');
    }
    const heads = await app.ds.query(`SELECT COUNT(*) AS n FROM appointment a JOIN community_body b ON b.id = a.body_id WHERE b.community_code = ? AND b.kind = 'STATION' AND a.band = 'HEAD'`, [CUIYUAN2]);
    expect(Number(heads[0].n)).toBe(3);
  });

  it('secondments: overlap rejected; an ongoing OUT secondment removes the worker from rosters; IN cadres appear in their host community', async () => {
    const w = await hire({ communityCode: '330106002001' });
    const now = today();
    const out = await app.t.request('POST', '/v1/secondments', { token: app.tokens.xihu, body: { workerId: w.id, direction: 'OUT', organisation: '文新街道办事处', from: '2025-01-01', payer: 'HOST' } });
    expect(out.status).toBe(201);
    const overlap = await app.t.request('POST', '/v1/secondments', { token: app.tokens.xihu, body: { workerId: w.id, direction: 'OUT', organisation: '西湖区民政局', from: '2025-06-01', to: '2025-07-01', payer: 'HOME' } });
    expect(overlap.body.code).toBe('SECONDMENT_OVERLAP');
    const detail = await app.t.request('GET', `/v1/workers/${w.id}`, { token: app.tokens.xihu });
    expect(detail.body.status).toBe('SECONDED_OUT');
    const cadre = await hire({ communityCode: '330106002001', employmentType: 'SECONDED_IN', name: '孙干部' });
    expect((await app.t.request('POST', '/v1/secondments', { token: app.tokens.xihu, body: { workerId: cadre.id, direction: 'IN', organisation: '西湖区发改局', from: '2025-01-01', to: '2099-12-31', payer: 'HOME' } })).status).toBe(201);
    const avail = await app.t.request('GET', `/v1/availability?community=330106002001&date=${now}`, { token: app.tokens.xihu });
    const ids = avail.body.workers.map((r: { id: number }) => r.id);
    expect(ids).toContain(cadre.id);
    expect(ids).not.toContain(w.id);
    const snap = await app.t.request('GET', `/v1/snapshots?asOf=${now}&scope=330106002001`, { token: app.t.tokenFor(testPrincipals.finance()) });
    const s = snap.body.items.find((i: { workerId: number }) => i.workerId === w.id);
    expect(s).toMatchObject({ status: 'SECONDED_OUT', secondment: { direction: 'OUT', payer: 'HOST', from: '2025-01-01', to: null }, bankAccount: '************8888' });
    const ended = await app.t.request('POST', `/v1/secondments/${out.body.id}/end`, { token: app.tokens.xihu, body: { to: '2025-02-28' } });
    expect(ended.status).toBe(200);
    expect((await app.t.request('GET', `/v1/workers/${w.id}`, { token: app.tokens.xihu })).body.status).toBe('ACTIVE');
  });

  it('secondments: ending one later than planned may not run it into the next; leaving cancels one not yet begun', async () => {
    const w = await hire({ communityCode: '330106002001' });
    const second = (from: string, to: string) =>
      app.t.request('POST', '/v1/secondments', { token: app.tokens.xihu, body: { workerId: w.id, direction: 'OUT', organisation: '文新街道办事处', from, to, payer: 'HOME' } });
    const a = await second('2098-01-01', '2098-06-30'); // all ahead: a secondment already over is ENDED at once
    const b = await second('2098-07-01', '2098-12-31');
    const later = await second('2099-03-01', '2099-05-31');
    expect([a.status, b.status, later.status]).toEqual([201, 201, 201]);
    const into = await app.t.request('POST', `/v1/secondments/${a.body.id}/end`, { token: app.tokens.xihu, body: { to: '2098-09-30' } });
    expect(into.status).toBe(409);
    expect(into.body).toMatchObject({ code: 'SECONDMENT_OVERLAP', secondmentId: b.body.id });
    expect((await app.t.request('POST', `/v1/secondments/${a.body.id}/end`, { token: app.tokens.xihu, body: { to: '2098-05-31' } })).status).toBe(200);

    const left = await app.t.request('POST', `/v1/workers/${w.id}/leave`, { token: app.tokens.xihu, body: { date: '2098-08-31', reason: 'RESIGNED' } });
    expect(left.status).toBe(200);
    const rows = (await app.t.request('GET', `/v1/workers/${w.id}/secondments`, { token: app.tokens.xihu })).body as Array<{ id: number; status: string; to: string | null }>;
    const of = (id: number) => rows.find((r) => r.id === id)!;
    expect(of(b.body.id)).toMatchObject({ status: 'ENDED', to: '2098-08-31' });
    expect(of(later.body.id)).toMatchObject({ status: 'CANCELLED', to: '2099-05-31' });
    const events = (await app.t.request('GET', `/v1/workers/${w.id}`, { token: app.tokens.xihu })).body.events as Array<{ kind: string; data: Record<string, unknown> | null }>;
    expect(events.find((e) => e.kind === 'LEFT')?.data).toMatchObject({ cancelledSecondments: 1 });
  });

  it('snapshots: primary band, bodies held, service years; bank account whole only for the payroll:read client', async () => {
    const w = await hire({ communityCode: '330106003001', hireDate: '2012-07-01' });
    await appoint({ workerId: w.id, communityCode: '330106003001', bodyKind: 'COMMITTEE', role: 'DIRECTOR', primary: true, from: '2020-01-01' });
    await appoint({ workerId: w.id, communityCode: '330106003001', bodyKind: 'PARTY', role: 'DEPUTY_SECRETARY', from: '2020-01-01' });
    const fetchAll = async (token: string) => {
      const items: Array<Record<string, any>> = [];
      let after = '';
      for (;;) {
        const res = await app.t.request('GET', `/v1/snapshots?asOf=2025-06-30&scope=330106003001&limit=1${after ? `&after=${after}` : ''}`, { token });
        expect(res.status).toBe(200);
        items.push(...res.body.items);
        if (!res.body.nextAfter) return items;
        after = res.body.nextAfter;
      }
    };
    const payroll = await fetchAll(app.t.tokenFor(testPrincipals.client(['payroll:read'])));
    const mine = payroll.find((i) => i.workerId === w.id)!;
    expect(mine).toMatchObject({ postBand: 'HEAD', bodiesHeld: 2, primaryBody: 'COMMITTEE', serviceYears: 12, bankAccount: '6225768888888888', secondment: null });
    expect(mine.appointments).toHaveLength(2);
    const hr = await fetchAll(app.tokens.xihu);
    expect(hr.find((i) => i.workerId === w.id)!.bankAccount).toBe('************8888');
    const before = await app.t.request('GET', `/v1/snapshots?asOf=2019-06-30&scope=330106003001`, { token: app.tokens.admin });
    expect(before.body.items.find((i: { workerId: number }) => i.workerId === w.id)).toMatchObject({ postBand: 'OTHER', bodiesHeld: 0, primaryBody: null });
  });

  it('leaving ends open posts and closes the record; career events are kept', async () => {
    const w = await hire({ communityCode: '330106003002' });
    await appoint({ workerId: w.id, communityCode: '330106003002', bodyKind: 'STATION', role: 'STAFF', primary: true, from: '2016-01-01' });
    expect((await app.t.request('POST', `/v1/workers/${w.id}/events`, { token: app.tokens.xihu, body: { kind: 'COMMENDATION', date: '2023-12-01', note: '优秀社区工作者' } })).status).toBe(201);
    const left = await app.t.request('POST', `/v1/workers/${w.id}/leave`, { token: app.tokens.xihu, body: { date: '2025-03-31', reason: '个人原因辞职' } });
    expect(left.body).toMatchObject({ status: 'LEFT', leftDate: '2025-03-31', leftReason: '个人原因辞职' });
    const detail = await app.t.request('GET', `/v1/workers/${w.id}`, { token: app.tokens.xihu });
    expect(detail.body.appointments[0]).toMatchObject({ to: '2025-03-31', endReason: 'WORKER_LEFT' });
    expect(detail.body.events.map((e: { kind: string }) => e.kind)).toEqual(['LEFT', 'COMMENDATION', 'HIRE']);
    expect((await app.t.request('PATCH', `/v1/workers/${w.id}`, { token: app.tokens.xihu, body: { phone: '13900000000' } })).body.code).toBe('WORKER_LEFT');
    const events = await app.ds.query(`SELECT job_name FROM outbox_event WHERE queue = 'workers-events' AND JSON_EXTRACT(payload, '$.workerId') = ?`, [w.id]);
    expect(events.map((e: { job_name: string }) => e.job_name)).toEqual(['worker.created', 'appointment.started', 'worker.left']);
  });

  it('updates with an optimistic lock and audits before/after in the same transaction', async () => {
    const w = await hire();
    const ok = await app.t.request('PATCH', `/v1/workers/${w.id}`, { token: app.tokens.xihu, body: { version: w.version, qualificationLevel: 'SENIOR', qualificationCert: 'ZJ2024SW0001' } });
    expect(ok.status).toBe(200);
    expect(ok.body.worker).toMatchObject({ qualificationLevel: 'SENIOR', version: w.version + 1 });
    const stale = await app.t.request('PATCH', `/v1/workers/${w.id}`, { token: app.tokens.xihu, body: { version: w.version, phone: '13900000000' } });
    expect(stale.body.code).toBe('STALE_VERSION');
    const [audit] = await app.ds.query(`SELECT \`before\`, \`after\` FROM audit_log WHERE entity = 'worker' AND entity_id = ? AND action = 'UPDATE'`, [String(w.id)]);
    const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    expect(parse(audit.before).qualificationLevel).toBe('NONE');
    expect(parse(audit.after).qualificationLevel).toBe('SENIOR');
  });

  it('an optional phone or certificate number is cleared with null; other fields refuse null, naming the field', async () => {
    const w = await hire();
    const set = await app.t.request('PATCH', `/v1/workers/${w.id}`, { token: app.tokens.xihu, body: { phone: '13900000000', qualificationLevel: 'ASSISTANT', qualificationCert: 'ZJ2024AS0001' } });
    expect(set.body.worker).toMatchObject({ phone: '13900000000', qualificationCert: 'ZJ2024AS0001' });
    const cleared = await app.t.request('PATCH', `/v1/workers/${w.id}`, { token: app.tokens.xihu, body: { phone: null, qualificationLevel: 'NONE', qualificationCert: null } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.worker).toMatchObject({ phone: null, qualificationLevel: 'NONE', qualificationCert: null, version: set.body.worker.version + 1 });
    expect((await app.t.request('GET', `/v1/workers/${w.id}`, { token: app.tokens.xihu })).body).toMatchObject({ phone: null, qualificationCert: null });
    const [audit] = await app.ds.query(`SELECT \`before\`, \`after\` FROM audit_log WHERE entity = 'worker' AND entity_id = ? AND action = 'UPDATE' ORDER BY id DESC LIMIT 1`, [String(w.id)]);
    const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    expect([parse(audit.before).phone, parse(audit.after).phone]).toEqual(['13900000000', null]);
    for (const field of ['name', 'education', 'bankAccount']) {
      const refused = await app.t.request('PATCH', `/v1/workers/${w.id}`, { token: app.tokens.xihu, body: { [field]: null } });
      expect([refused.status, refused.body.code, refused.body.details?.[0]?.path]).toEqual([400, 'VALIDATION_FAILED', field]);
    }
  });

  it('a user of another district can neither read nor change these workers (404 on every route)', async () => {
    const w = await hire();
    const [appt] = await app.ds.query('SELECT id FROM appointment LIMIT 1');
    const sec = (await app.t.request('POST', '/v1/secondments', { token: app.tokens.admin, body: { workerId: w.id, direction: 'OUT', organisation: '翠苑街道', from: '2030-01-01', to: '2030-02-01', payer: 'HOME' } })).body;
    for (const token of [app.tokens.shangcheng, app.t.tokenFor(testPrincipals.streetUser('330106002'))]) {
      const routes: Array<[string, string, unknown?]> = [
        ['GET', `/v1/workers/${w.id}`],
        ['GET', `/v1/workers/${w.id}/pii`],
        ['GET', `/v1/workers/${w.id}/posts`],
        ['GET', `/v1/workers/${w.id}/secondments`],
        ['PATCH', `/v1/workers/${w.id}`, { phone: '13900000000' }],
        ['POST', `/v1/workers/${w.id}/leave`, { date: '2025-01-01', reason: 'x' }],
        ['POST', `/v1/workers/${w.id}/events`, { kind: 'COMMENDATION', date: '2025-01-01' }],
        ['POST', '/v1/workers', { name: '越权', residentId: newId(), education: 'BACHELOR', politicalStatus: 'NONE', hireDate: '2015-01-01', employmentType: 'FULL_TIME', communityCode: CUIYUAN1 }],
        ['POST', '/v1/appointments', { workerId: w.id, communityCode: CUIYUAN1, bodyKind: 'STATION', role: 'STAFF', obtainedBy: 'RECRUITMENT', from: '2022-01-01' }],
        ['POST', `/v1/appointments/${appt.id}/end`, { to: '2025-01-01', reason: 'x' }],
        ['POST', '/v1/secondments', { workerId: w.id, direction: 'OUT', organisation: 'x', from: '2031-01-01', payer: 'HOME' }],
        ['POST', `/v1/secondments/${sec.id}/end`, { to: '2026-01-01' }],
        ['GET', `/v1/communities/${CUIYUAN1}/cross-appointment`],
        ['GET', `/v1/communities/${CUIYUAN1}/posts`],
        ['GET', `/v1/availability?community=${CUIYUAN1}`],
      ];
      for (const [method, path, body] of routes) {
        const res = await app.t.request(method, path, { token, body });
        expect([method, path, res.status]).toEqual([method, path, path.endsWith('/pii') && token !== app.tokens.shangcheng ? 403 : 404]);
      }
      const list = await app.t.request('GET', `/v1/workers?community=${CUIYUAN1}`, { token });
      expect(list.body.items).toEqual([]);
      const snap = await app.t.request('GET', `/v1/snapshots?asOf=2025-06-30&scope=${CUIYUAN1}`, { token });
      expect(snap.body.items).toEqual([]);
    }
  });
});
