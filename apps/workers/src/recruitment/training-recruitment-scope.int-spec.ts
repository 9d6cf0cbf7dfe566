import { testPrincipals, usingApp } from '@cws/testing';
import { hireWorker, residentIdSequence, startWorkersWithOrg } from '@cws/workers-testing';

const newId = residentIdSequence(800_000);

/** Every training and recruitment route, called by another district's HR: 404 (never 403, never data); plus the OpenAPI response schemas. */
describe('training and recruitment: out-of-district 404 on every route, response schemas (real MySQL)', () => {
  const app = usingApp(() => startWorkersWithOrg());

  it('answers 404 to another district on every scoped route, and hides its rows from lists', async () => {
    const admin = app.t.tokenFor(testPrincipals.cityAdmin());
    const course = (await app.t.request('POST', '/v1/training/courses', { token: admin, body: { name: '政策法规', category: 'PROFESSIONAL_SKILLS' } })).body;
    const provider = (await app.t.request('POST', '/v1/training/providers', { token: admin, body: { name: '西湖区社会工作协会' } })).body;
    const k = (await app.t.request('POST', '/v1/training/classes', {
      token: app.tokens.xihu, body: { courseId: course.id, providerId: provider.id, title: '西湖班', startDate: '2025-04-07', endDate: '2025-04-08', hours: '8.0', cost: '100.00', chargeCommunityCode: '330106001001' },
    })).body;
    const worker = await hireWorker(app.t, app.tokens.xihu, { name: '学员', residentId: newId(), hireDate: '2020-01-01', communityCode: '330106001001' });
    const v = (await app.t.request('POST', '/v1/vacancies', {
      token: app.tokens.xihu, body: { communityCode: '330106001001', bodyKind: 'STATION', role: 'STAFF', headcount: 1, opensOn: '2025-03-01', closesOn: '2025-03-31' },
    })).body;
    const c = (await app.t.request('POST', `/v1/vacancies/${v.id}/candidates`, { token: app.tokens.xihu, body: { name: '候选', residentId: newId(), education: 'BACHELOR', politicalStatus: 'NONE' } })).body;
    await app.t.request('PATCH', `/v1/candidates/${c.id}/scores`, { token: app.tokens.xihu, body: { written: '80.00', interview: '80.00' } });
    await app.t.request('PUT', '/v1/training/rules/2025', { token: admin, body: { requiredHours: '20.0', source: '示例' } });

    const calls: Array<[string, string, unknown?]> = [
      ['POST', '/v1/training/classes', { courseId: course.id, providerId: provider.id, title: 'x', startDate: '2025-04-07', endDate: '2025-04-08', hours: '8.0', cost: '0.00', districtCode: '330106' }],
      ['POST', '/v1/training/classes', { courseId: course.id, providerId: provider.id, title: 'x', startDate: '2025-04-07', endDate: '2025-04-08', hours: '8.0', cost: '1.00', chargeCommunityCode: '330106001001' }],
      ['POST', `/v1/training/classes/${k.id}/records`, { workerId: worker.id, result: 'PASS' }],
      ['GET', '/v1/training/shortfall?year=2025&district=330106'],
      ['GET', '/v1/training/shortfall?year=2025&street=330106001'],
      ['GET', '/v1/training/shortfall?year=2025&community=330106001001'],
      ['POST', '/v1/vacancies', { communityCode: '330106001001', bodyKind: 'STATION', role: 'STAFF', headcount: 1, opensOn: '2025-03-01', closesOn: '2025-03-31' }],
      ['POST', `/v1/vacancies/${v.id}/candidates`, { name: '越界', residentId: newId(), education: 'BACHELOR', politicalStatus: 'NONE' }],
      ['GET', `/v1/vacancies/${v.id}/ranking`],
      ['PATCH', `/v1/candidates/${c.id}/scores`, { written: '99.00' }],
      ['POST', `/v1/candidates/${c.id}/select`, {}],
      ['POST', `/v1/candidates/${c.id}/objections`, { receivedOn: '2025-04-02', summary: '越界' }],
      ['GET', `/v1/candidates/${c.id}/objections`],
      ['POST', `/v1/candidates/${c.id}/hire`, { hireDate: '2025-05-01' }],
    ];
    for (const [method, path, body] of calls) {
      const res = await app.t.request(method, path, { token: app.tokens.shangcheng, body });
      expect([method, path, res.status]).toEqual([method, path, 404]);
    }
    // their own class's records with a worker of the other district: 404 as well
    const theirs = (await app.t.request('POST', '/v1/training/classes', { token: app.tokens.shangcheng, body: { courseId: course.id, providerId: provider.id, title: '上城班', startDate: '2025-04-07', endDate: '2025-04-08', hours: '8.0', cost: '0.00' } })).body;
    expect((await app.t.request('POST', `/v1/training/classes/${theirs.id}/records`, { token: app.tokens.shangcheng, body: { workerId: worker.id, result: 'PASS' } })).status).toBe(404);

    // lists show nothing of the other district
    expect((await app.t.request('GET', '/v1/training/classes', { token: app.tokens.shangcheng })).body.map((r: { id: number }) => r.id)).toEqual([theirs.id]);
    expect((await app.t.request('GET', '/v1/training/postings', { token: app.tokens.shangcheng })).body).toEqual([]);
    // nothing changed behind the 404s
    const ranking = await app.t.request('GET', `/v1/vacancies/${v.id}/ranking`, { token: app.tokens.xihu });
    expect(ranking.body.candidates).toEqual([expect.objectContaining({ id: c.id, written: '80.00', status: 'APPLIED' })]);
  });

  it('documents response schemas with examples for the training and recruitment routes', async () => {
    const doc = (await app.t.request('GET', '/docs-json')).body;
    const ok = (path: string, method: string) => {
      const responses = doc.paths[`/api/workers${path}`][method].responses;
      const r = responses['200'] ?? responses['201'];
      return r.content['application/json'].schema;
    };
    const ref = (s: { $ref?: string; items?: { $ref?: string } }) => (s.$ref ?? s.items?.$ref ?? '').split('/').pop();
    expect(ref(ok('/v1/training/courses', 'get'))).toBe('TrainingCourse');
    expect(ref(ok('/v1/training/providers', 'post'))).toBe('TrainingProvider');
    expect(ref(ok('/v1/training/classes', 'get'))).toBe('TrainingClass');
    expect(ref(ok('/v1/training/classes', 'post'))).toBe('CreatedTrainingClass');
    expect(ref(ok('/v1/training/classes/{id}/records', 'post'))).toBe('RecordedTrainingResult');
    expect(ref(ok('/v1/training/rules/{year}', 'put'))).toBe('TrainingRule');
    expect(ref(ok('/v1/training/shortfall', 'get'))).toBe('ShortfallReport');
    expect(ref(ok('/v1/training/postings', 'get'))).toBe('TrainingPosting');
    expect(ref(ok('/v1/vacancies', 'post'))).toBe('Vacancy');
    expect(ref(ok('/v1/vacancies/{id}/candidates', 'post'))).toBe('Candidate');
    expect(ref(ok('/v1/vacancies/{id}/ranking', 'get'))).toBe('Ranking');
    expect(ref(ok('/v1/candidates/{id}/scores', 'patch'))).toBe('CandidateScores');
    expect(ref(ok('/v1/candidates/{id}/hire', 'post'))).toBe('HireResult');
    expect(doc.components.schemas.TrainingPostingStatus.enum).toEqual(['PENDING', 'SENT', 'UNROUTED']);
    expect(doc.components.schemas.RankedCandidate.properties.total.example).toBe('85.25');
  });
});
