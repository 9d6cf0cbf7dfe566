import { testPrincipals, usingApp } from '@cws/testing';
import { hireWorker, residentIdSequence, startWorkersWithOrg } from '@cws/workers-testing';
import { today } from '../common/sql';

const CUIYUAN1 = '330106001001';
const newId = residentIdSequence(930_000, 'M');

/**
 * The register's read path sends fewer statements (worker-read.repository.ts): the detail (the worker
 * and its five lists) in one, the first page's count with the page. These check it answers what the
 * separate statements it replaced answer, row for row, on a worker with every kind of list, that a
 * worker outside the scope is a 404 like a missing one, and that the first page's total is the
 * filter's COUNT(*), before and after writes.
 */
describe('register read path: the detail in one statement, the count with the first page (real MySQL)', () => {
  const app = usingApp(() => startWorkersWithOrg());

  const hire = async (name: string, over: Record<string, unknown> = {}) =>
    (await hireWorker(app.t, app.tokens.admin, { name, residentId: newId(), communityCode: CUIYUAN1, ...over })).id;
  const ok = async (method: string, path: string, body: Record<string, unknown>, status = 201) => {
    const res = await app.t.request(method, path, { token: app.tokens.admin, body });
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  /** The detail's lists as the separate queries (before the one statement) read them. */
  const separately = async (id: number) => {
    const [appointments, training, secondments, events, grades] = await Promise.all([
      app.ds.query(
        `SELECT a.id, a.body_kind AS bodyKind, a.role, a.band, a.is_primary AS isPrimary, a.obtained_by AS obtainedBy, a.start_date AS \`from\`,
           a.end_date AS \`to\`, a.end_reason AS endReason, a.community_code AS communityCode, a.election_id AS electionId, a.term_end AS termEnd
           FROM appointment a WHERE a.worker_id = ? ORDER BY a.start_date DESC, a.id DESC`, [id]),
      app.ds.query(
        `SELECT r.id, r.class_id AS classId, k.title, co.name AS course, co.category, r.result, r.hours, r.certificate_no AS certificateNo, r.completed_on AS completedOn
           FROM training_record r JOIN training_class k ON k.id = r.class_id JOIN training_course co ON co.id = k.course_id
          WHERE r.worker_id = ? ORDER BY r.completed_on DESC`, [id]),
      app.ds.query(
        `SELECT id, direction, organisation, community_code AS communityCode, start_date AS \`from\`, end_date AS \`to\`, payer, status, note
           FROM secondment WHERE worker_id = ? ORDER BY start_date DESC`, [id]),
      app.ds.query('SELECT id, kind, event_date AS date, note, data FROM worker_event WHERE worker_id = ? ORDER BY event_date DESC, id DESC', [id]),
      app.ds.query(
        `SELECT g.id AS id, g.worker_id AS workerId, g.grade AS grade, g.band AS band, g.valid_from AS \`from\`, g.anchor_date AS anchorDate,
           g.cause AS cause, g.derived AS derived, g.event_id AS eventId, g.policy_refs AS policyRefs, g.note AS note
           FROM worker_grade g WHERE g.worker_id = ? ORDER BY g.valid_from DESC, g.id DESC`, [id]),
    ]);
    const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    return {
      appointments: appointments.map((a: Record<string, unknown>) => ({
        ...a, id: Number(a.id), isPrimary: !!Number(a.isPrimary), electionId: a.electionId === null ? null : Number(a.electionId),
      })),
      training,
      secondments,
      events: events.map((e: { data: unknown }) => ({ ...e, data: json(e.data), voided: (json(e.data) as { voided?: unknown } | null)?.voided ?? null })),
      grades: grades.map((g: Record<string, unknown>) => ({
        ...g, id: Number(g.id), workerId: Number(g.workerId), grade: Number(g.grade), derived: !!Number(g.derived),
        eventId: g.eventId === null ? null : Number(g.eventId), policyRefs: json(g.policyRefs), note: g.note ?? null,
      })),
    };
  };

  it('the detail answers what the separate queries answered: every list, its order, decimals, dates and JSON', async () => {
    const w = await hire('读路径甲');
    // two posts from the same day (ordered by id), a secondment that ended and one open
    await ok('POST', '/v1/appointments', { workerId: w, communityCode: CUIYUAN1, bodyKind: 'PARTY', role: 'SECRETARY', obtainedBy: 'ELECTION', from: '2021-01-01', primary: true });
    await ok('POST', '/v1/appointments', { workerId: w, communityCode: CUIYUAN1, bodyKind: 'COMMITTEE', role: 'DIRECTOR', obtainedBy: 'ELECTION', from: '2021-01-01' });
    await ok('POST', '/v1/secondments', { workerId: w, direction: 'OUT', organisation: '西湖区民政局 "借调"', from: '2023-01-01', to: '2023-06-30', payer: 'HOME' });
    await ok('POST', '/v1/secondments', { workerId: w, direction: 'OUT', organisation: '文新街道办事处', from: '2024-01-01', payer: 'HOST' });
    // two classes (hours with a decimal), two records on different days
    const course = await ok('POST', '/v1/training/courses', { name: '社区治理实务', category: 'PROFESSIONAL_SKILLS' });
    const provider = await ok('POST', '/v1/training/providers', { name: '杭州市委党校' });
    for (const [startDate, endDate, hours] of [['2025-03-03', '2025-03-04', '7.5'], ['2025-04-07', '2025-04-09', '24.0']]) {
      const k = await ok('POST', '/v1/training/classes', {
        courseId: course.id, providerId: provider.id, title: `能力提升班 ${startDate}`, startDate, endDate, hours, cost: '1000.00', chargeCommunityCode: CUIYUAN1,
      });
      await ok('POST', `/v1/training/classes/${k.id}/records`, { workerId: w, result: 'PASS', certificateNo: `C-${k.id}` });
    }
    // career events on one day (ordered by id), one with data, a note with a line break
    await ok('POST', `/v1/workers/${w}/events`, { kind: 'COMMENDATION', date: '2024-05-01', note: '优秀\n社区工作者' });
    await ok('POST', `/v1/workers/${w}/events`, { kind: 'GRADE_CHANGE', date: '2024-05-01', grade: 9, note: '评定' }); // in band HEAD's range: the 2021 primary post re-placed the band, and the steps after it follow

    const detail = await app.t.request('GET', `/v1/workers/${w}`, { token: app.tokens.xihu });
    expect(detail.status).toBe(200);
    const expected = await separately(w);
    expect(expected.appointments).toHaveLength(2);
    expect(expected.training).toHaveLength(2);
    expect(expected.secondments).toHaveLength(2);
    expect(expected.events.length).toBeGreaterThanOrEqual(3);
    expect(expected.grades.length).toBeGreaterThanOrEqual(2);
    const { appointments, training, secondments, events, grades } = detail.body;
    // JSON bodies, compared as the client receives them (key order included)
    expect(JSON.stringify({ appointments, training, secondments, events, grades })).toBe(JSON.stringify(expected));
    expect(training.map((r: { hours: string }) => r.hours)).toEqual(['24.0', '7.5']);
    expect(detail.body).toMatchObject({ id: w, name: '读路径甲', grade: grades.find((g: { from: string }) => g.from <= today()).grade });

    // a worker with no list at all
    const bare = await hire('读路径乙');
    await app.ds.query('DELETE FROM worker_event WHERE worker_id = ?', [bare]);
    await app.ds.query('DELETE FROM worker_grade WHERE worker_id = ?', [bare]);
    const empty = await app.t.request('GET', `/v1/workers/${bare}`, { token: app.tokens.xihu });
    expect(empty.body).toMatchObject({ appointments: [], training: [], secondments: [], events: [], grades: [], grade: null, gradeBand: null });
  });

  it('the detail is 404 outside the scope (district or street) and for no worker, alike', async () => {
    const w = await hire('读路径丙');
    const street = (code: string) => app.t.tokenFor(testPrincipals.streetUser(code));
    const outside = await app.t.request('GET', `/v1/workers/${w}`, { token: app.tokens.shangcheng });
    const otherStreet = await app.t.request('GET', `/v1/workers/${w}`, { token: street('330106002') });
    const missing = await app.t.request('GET', '/v1/workers/987654321', { token: app.tokens.shangcheng });
    expect([outside.status, otherStreet.status, missing.status]).toEqual([404, 404, 404]);
    for (const res of [outside, otherStreet, missing]) expect(res.body.code).toBe('WORKER_NOT_FOUND');
    const ownStreet = await app.t.request('GET', `/v1/workers/${w}`, { token: street('330106001') });
    expect([ownStreet.status, ownStreet.body.id]).toEqual([200, w]);
  });

  it('the first page carries the filter’s COUNT(*), later pages none, and the count follows writes', async () => {
    const countOf = async (where: string, params: unknown[] = []) =>
      Number((await app.ds.query(`SELECT COUNT(*) AS n FROM worker w WHERE w.district_code = '330106' ${where}`, params))[0].n);
    const first = async (query: string) => (await app.t.request('GET', `/v1/workers?limit=2${query}`, { token: app.tokens.xihu })).body;

    const all = await first('');
    expect(all.total).toBe(await countOf(''));
    expect(all.items).toHaveLength(2);
    expect(all.items[0]).not.toHaveProperty('total');
    const next = await app.t.request('GET', `/v1/workers?limit=2&after=${encodeURIComponent(all.nextAfter)}`, { token: app.tokens.xihu });
    expect([next.status, next.body.code]).toEqual([200, undefined]);
    expect(next.body).not.toHaveProperty('total');

    expect((await first('&q=%E8%AF%BB%E8%B7%AF%E5%BE%84')).total).toBe(await countOf("AND w.name LIKE '%读路径%'"));
    expect((await first('&post=SECRETARY')).total).toBe(await countOf(
      `AND EXISTS (SELECT 1 FROM appointment a WHERE a.worker_id = w.id AND a.role = 'SECRETARY' AND a.start_date <= '${today()}' AND (a.end_date IS NULL OR a.end_date >= '${today()}'))`,
    ));
    expect((await first('&post=HEAD&sort=-name')).total).toBe(await countOf(
      `AND EXISTS (SELECT 1 FROM appointment a WHERE a.worker_id = w.id AND a.is_primary = 1 AND a.band = 'HEAD' AND a.start_date <= '${today()}' AND (a.end_date IS NULL OR a.end_date >= '${today()}'))`,
    ));
    const nothing = await first('&q=%E6%97%A0%E6%AD%A4%E4%BA%BA');
    expect(nothing).toEqual({ items: [], nextAfter: null, total: 0 });

    // a hire, a rename and a leave move the totals at once: each write's generation bump retires the cached counts
    const before = all.total;
    const searched = (await first('&q=%E8%AF%BB%E8%B7%AF%E5%BE%84')).total;
    const w = await hire('读路径丁');
    expect((await first('')).total).toBe(before + 1);
    expect((await first('&q=%E8%AF%BB%E8%B7%AF%E5%BE%84')).total).toBe(searched + 1);
    expect((await app.t.request('PATCH', `/v1/workers/${w}`, { token: app.tokens.admin, body: { name: '改名者' } })).status).toBe(200);
    expect((await first('&q=%E8%AF%BB%E8%B7%AF%E5%BE%84')).total).toBe(searched);
    const left = (await first('&status=LEFT')).total;
    await ok('POST', `/v1/workers/${w}/leave`, { date: '2025-01-31', reason: 'RESIGNED' }, 200);
    expect((await first('&status=LEFT')).total).toBe(left + 1);
    expect((await first('&status=ACTIVE')).total).toBe(await countOf("AND w.status = 'ACTIVE'"));
  });

  it('each page row carries the grade (a number) and band in force, as the two subqueries it replaced read them, and null without one', async () => {
    const graded = await hire('页等级甲');
    await ok('POST', `/v1/workers/${graded}/events`, { kind: 'GRADE_CHANGE', date: today(), grade: 9, note: '评定' });
    const bare = await hire('页等级乙');
    await app.ds.query('DELETE FROM worker_grade WHERE worker_id = ?', [bare]);
    const on = today();
    const expected = (await app.ds.query(
      `SELECT w.id AS id,
         (SELECT g.grade FROM worker_grade g WHERE g.worker_id = w.id AND g.valid_from <= ? ORDER BY g.valid_from DESC, g.id DESC LIMIT 1) AS grade,
         (SELECT g.band FROM worker_grade g WHERE g.worker_id = w.id AND g.valid_from <= ? ORDER BY g.valid_from DESC, g.id DESC LIMIT 1) AS gradeBand
         FROM worker w ORDER BY w.id LIMIT 200`, [on, on],
    )).map((r: { id: number; grade: number | null; gradeBand: string | null }) => ({ id: Number(r.id), grade: r.grade === null ? null : Number(r.grade), gradeBand: r.gradeBand }));
    const page = await app.t.request('GET', '/v1/workers?limit=200', { token: app.tokens.admin });
    expect(page.status).toBe(200);
    expect(page.body.items.map(({ id, grade, gradeBand }: { id: number; grade: number | null; gradeBand: string | null }) => ({ id, grade, gradeBand }))).toEqual(expected);
    expect(expected).toContainEqual({ id: graded, grade: 9, gradeBand: 'OTHER' });
    expect(expected).toContainEqual({ id: bare, grade: null, gradeBand: null });
  });
});
