import { usingApp } from '@cws/testing';
import { startSeededWorkers } from '@cws/workers-testing';
import { DataSource } from 'typeorm';
import { seedDemoTraining } from './seed-training';

// The demo's training (npm start): the year's requirement and two city classes, so 培训 and 学时不足 show something.
describe('the demo training of the year (real MySQL)', () => {
  const app = usingApp(() => startSeededWorkers({ workers: 140 }));
  const ds = () => app.t.app.get(DataSource);

  it('sets 40 hours and records the classes, so exactly the workers who missed one are short', async () => {
    expect(await seedDemoTraining(ds(), { year: 2026, today: '2026-12-04' })).toEqual({ year: 2026, classes: 2, records: 126 + 120 });
    const res = await app.t.request('GET', '/v1/training/shortfall?year=2026', { token: app.tokens.admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, requiredHours: '40.0', source: expect.stringContaining('演示数据') });

    // ids divisible by 10 missed the 32-hour class, by 7 the 8-hour one; seconded-in cadres owe nothing
    const seconded = new Set((await ds().query("SELECT id FROM worker WHERE employment_type = 'SECONDED_IN'")).map((r: { id: number }) => Number(r.id)));
    const passed = (id: number) => (id % 10 ? 32 : 0) + (id % 7 ? 8 : 0);
    const expected = Array.from({ length: 140 }, (_, i) => i + 1).filter((id) => passed(id) < 40 && !seconded.has(id));
    const short = res.body.workers as Array<{ workerId: number; hours: string; shortBy: string }>;
    expect(short.map((w) => w.workerId).sort((a, b) => a - b)).toEqual(expected);
    for (const w of short) expect([w.hours, w.shortBy]).toEqual([passed(w.workerId).toFixed(1), (40 - passed(w.workerId)).toFixed(1)]);
    expect(res.body.excluded.secondedIn).toBe(seconded.size);
  });

  it('dates the classes no later than the day it runs, and leaves a year that has a rule alone', async () => {
    expect(await seedDemoTraining(ds(), { year: 2027, today: '2027-01-02' })).toMatchObject({ year: 2027, classes: 2 });
    const classes = (await app.t.request('GET', '/v1/training/classes', { token: app.tokens.admin })).body as Array<{ title: string; startDate: string; endDate: string }>;
    expect(classes.filter((k) => k.title.startsWith('2027')).map((k) => [k.startDate, k.endDate]).sort()).toEqual([['2026-12-29', '2027-01-02'], ['2027-01-02', '2027-01-02']]);
    const [{ n }] = await ds().query('SELECT COUNT(*) AS n FROM training_record');
    expect(await seedDemoTraining(ds(), { year: 2027, today: '2027-06-30' })).toEqual({ year: 2027, skipped: true });
    expect(await ds().query('SELECT COUNT(*) AS n FROM training_record')).toEqual([{ n }]);
  });
});
