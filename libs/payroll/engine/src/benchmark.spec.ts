import fc from 'fast-check';
import { DomainError, type Fen, parseMoney } from '@cws/kernel';
import {
  type BenchmarkTargets,
  type BenchmarkWorker,
  type WorkerAnnualPay,
  calibrateUnitValue,
  checkBenchmark,
  complianceSummary,
  projectAnnualPay,
  projectWorkers,
  yearEndTopUp,
} from './benchmark';

const y = (s: string): Fen => parseMoney(s);
const worker = (id: string, coefficient: string, months = 12, fixed = '0', district = 'D1', street = 'S1'): BenchmarkWorker => ({
  id,
  district,
  street,
  segments: [{ coefficient, months }],
  fixedAnnualFen: y(fixed),
});

describe('benchmark projection and calibration', () => {
  const pair = [worker('a', '1.00'), worker('b', '2.00')];

  it('projects pay as Σ months × round(coefficient × unit value) + fixed pay', () => {
    const w: BenchmarkWorker = { ...worker('c', '1.55', 0, '4800'), segments: [{ coefficient: '1.55', months: 5 }, { coefficient: '1.65', months: 7 }] };
    // 1.55 × 3333.33 = 5166.6615 → 5166.66; 1.65 × 3333.33 = 5499.9945 → 5499.99
    expect(projectAnnualPay(w, y('3333.33'))).toBe(y('4800') + 5n * y('5166.66') + 7n * y('5499.99'));
  });

  it('finds the least unit value when the level W(Y−1) binds', () => {
    const targets: BenchmarkTargets = { cityAverageLastYearFen: y('120000'), cityAverageTwoYearsAgoFen: y('100000'), communityAverageLastYearFen: y('90000') };
    // average = 12 × 12 × 3U / 24 = 18U ≥ 12,000,000 fen → U ≥ 666,666.67
    const r = calibrateUnitValue(pair, targets);
    expect(r.unitValueFen).toBe(666_667n);
    expect(r.passes).toBe(true);
    expect(checkBenchmark(pair, 666_666n, targets).meetsLevel).toBe(false);
  });

  it('finds the least unit value when the growth condition binds', () => {
    // City growth 25 %: average must reach 90,000 × 1.25 = 112,500 > W(Y−1) = 100,000.
    const targets: BenchmarkTargets = { cityAverageLastYearFen: y('100000'), cityAverageTwoYearsAgoFen: y('80000'), communityAverageLastYearFen: y('90000') };
    const r = calibrateUnitValue(pair, targets);
    expect(r.unitValueFen).toBe(625_000n);
    expect(r.averageFen).toBe(y('112500'));
    const below = checkBenchmark(pair, 624_999n, targets);
    expect(below.meetsLevel).toBe(true);
    expect(below.meetsGrowth).toBe(false);
  });

  it('averages over worker-years: a half-year worker counts as half a head', () => {
    const targets: BenchmarkTargets = { cityAverageLastYearFen: y('120000'), cityAverageTwoYearsAgoFen: y('100000'), communityAverageLastYearFen: y('1') };
    const r = checkBenchmark([worker('a', '1.00', 12), worker('b', '1.00', 6)], y('10000'), targets);
    expect(r.averageFen).toBe(y('120000')); // 180,000 over 1.5 worker-years
    expect(r.passes).toBe(true);
  });

  it('returns 0 when fixed pay already meets the benchmark, and refuses when nothing can', () => {
    const targets: BenchmarkTargets = { cityAverageLastYearFen: y('50000'), cityAverageTwoYearsAgoFen: y('50000'), communityAverageLastYearFen: y('50000') };
    expect(calibrateUnitValue([worker('a', '1.00', 12, '60000')], targets).unitValueFen).toBe(0n);
    expect(() => calibrateUnitValue([worker('a', '0', 12, '100')], targets)).toThrow(expect.objectContaining({ code: 'BENCHMARK_UNREACHABLE' }));
    expect(() => calibrateUnitValue([worker('a', '1.00', 0)], targets)).toThrow(DomainError);
  });

  const hundredths = (h: number) => `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;
  const workersArb = (minCoefficient: number, maxWorkers: number, maxFixed: number) =>
    fc
      .array(fc.record({ coefficient: fc.integer({ min: minCoefficient, max: 300 }).map(hundredths), months: fc.integer({ min: 1, max: 12 }), fixed: fc.integer({ min: 0, max: maxFixed }) }), {
        minLength: 1,
        maxLength: maxWorkers,
      })
      .map((ws) => ws.map((w, i) => ({ id: `w${i}`, district: 'D', street: 'S', segments: [{ coefficient: w.coefficient, months: w.months }], fixedAnnualFen: BigInt(w.fixed) })));
  const hasCoefficientPay = (ws: BenchmarkWorker[]) => ws.some((w) => w.segments.some((s) => s.coefficient !== '0.00'));

  it('calibrates to a unit value that passes while one fen less fails (property)', () => {
    const targetsArb = fc.record({
      cityAverageLastYearFen: fc.bigInt({ min: 1n, max: 50_000_000n }),
      cityAverageTwoYearsAgoFen: fc.bigInt({ min: 1n, max: 50_000_000n }),
      communityAverageLastYearFen: fc.bigInt({ min: 1n, max: 50_000_000n }),
    });
    fc.assert(
      fc.property(workersArb(0, 20, 5_000_000).filter(hasCoefficientPay), targetsArb, (ws, t) => {
        const r = calibrateUnitValue(ws, t);
        expect(checkBenchmark(ws, r.unitValueFen, t).passes).toBe(true);
        if (r.unitValueFen > 0n) expect(checkBenchmark(ws, r.unitValueFen - 1n, t).passes).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with a linear scan on small cases (property)', () => {
    // Small targets and coefficients ≥ 1 keep the answer below a few thousand fen, so the scan is quick.
    const small = fc.record({
      cityAverageLastYearFen: fc.bigInt({ min: 1n, max: 20_000n }),
      cityAverageTwoYearsAgoFen: fc.bigInt({ min: 10_000n, max: 20_000n }),
      communityAverageLastYearFen: fc.bigInt({ min: 1n, max: 20_000n }),
    });
    const ws = workersArb(100, 6, 5_000);
    fc.assert(
      fc.property(ws, small, (list, t) => {
        const r = calibrateUnitValue(list, t);
        let u = 0n;
        while (!checkBenchmark(list, u, t).passes) u++;
        expect(r.unitValueFen).toBe(u);
      }),
      { numRuns: 60 },
    );
  });
});

describe('compliance summary and year-end top-up', () => {
  const B = y('120000');
  const pay = (id: string, annual: string, monthsEmployed = 12, district = 'D1', street = 'S1'): WorkerAnnualPay => ({ id, district, street, monthsEmployed, annualPayFen: y(annual) });
  const workers = [pay('w1', '100000'), pay('w2', '130000'), pay('w3', '50000', 6), pay('w4', '125000', 12, 'D1', 'S2'), pay('w5', '90000', 12, 'D2', 'S9')];

  it('summarises by street and by district against W(Y−1)', () => {
    const streets = complianceSummary(workers, B, 'STREET');
    expect(streets.map((g) => [g.group, g.meetsBenchmark, g.shortfallFen, g.workersBelow])).toEqual([
      ['D1/S1', false, y('20000'), 2],
      ['D1/S2', true, 0n, 0],
      ['D2/S9', false, y('30000'), 1],
    ]);
    expect(streets[0].averageFen).toBe(y('112000')); // 280,000 over 2.5 worker-years
    const districts = complianceSummary(workers, B, 'DISTRICT');
    expect(districts.map((g) => [g.group, g.street, g.workers, g.monthsEmployed, g.totalPayFen])).toEqual([
      ['D1', null, 4, 42, y('405000')],
      ['D2', null, 1, 12, y('90000')],
    ]);
    expect(districts[0].shortfallFen).toBe(y('15000')); // 120,000 × 3.5 − 405,000
  });

  it('AVERAGE shares each group gap in proportion to individual shortfalls', () => {
    const r = yearEndTopUp(workers, B, { kind: 'AVERAGE', level: 'STREET' });
    const t = Object.fromEntries(r.lines.map((l) => [l.id, l.topUpFen]));
    // Street S1: gap 20,000; shortfalls w1 20,000 and w3 10,000 → 13,333.33 and 6,666.67 (largest remainder).
    expect(t).toEqual({ w1: y('13333.33'), w2: 0n, w3: y('6666.67'), w4: 0n, w5: y('30000') });
    expect(r.totalFen).toBe(y('50000'));
  });

  it('PER_WORKER tops each worker up to ratio × benchmark (pro rata for months)', () => {
    const r = yearEndTopUp(workers, B, { kind: 'PER_WORKER', ratio: '0.9' });
    expect(r.lines.map((l) => l.topUpFen)).toEqual([y('8000'), 0n, y('4000'), 0n, y('18000')]);
    const full = yearEndTopUp(workers, B, { kind: 'PER_WORKER', ratio: '1' });
    expect(full.totalFen).toBe(y('20000') + y('10000') + y('30000'));
  });

  const payArb = fc.array(
    fc.record({ street: fc.constantFrom('S1', 'S2', 'S3'), months: fc.integer({ min: 1, max: 12 }), pay: fc.bigInt({ min: 0n, max: 30_000_000n }) }),
    { minLength: 1, maxLength: 30 },
  ).map((ws) => ws.map((w, i) => ({ id: `w${i}`, district: 'D1', street: w.street, monthsEmployed: w.months, annualPayFen: w.pay })));

  it('AVERAGE lifts every group to the benchmark with the least total, never past a worker’s own target (property)', () => {
    fc.assert(
      fc.property(payArb, fc.bigInt({ min: 1n, max: 30_000_000n }), (ws, bench) => {
        const before = complianceSummary(ws, bench, 'STREET');
        const r = yearEndTopUp(ws, bench, { kind: 'AVERAGE', level: 'STREET' });
        const after = ws.map((w, i) => ({ ...w, annualPayFen: w.annualPayFen + r.lines[i].topUpFen }));
        const summary = complianceSummary(after, bench, 'STREET');
        expect(summary.every((g) => g.meetsBenchmark)).toBe(true);
        expect(r.totalFen).toBe(before.reduce((a, g) => a + g.shortfallFen, 0n));
        ws.forEach((w, i) => {
          const t = r.lines[i].topUpFen;
          expect(t >= 0n).toBe(true);
          // Never past the worker's own pro-rata target rounded up to the fen.
          const target = (bench * BigInt(w.monthsEmployed) + 11n) / 12n;
          if (t > 0n) expect(w.annualPayFen + t <= target).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('AVERAGE with growth targets: a group the growth test binds is lifted to W1·L/W2, as compliance reports it', () => {
    // City 100,000 → 120,000 (+20 %); street S1 averaged 110,000 last year, so it must reach 132,000 (> B = 120,000).
    const growth = { cityAverageLastYearFen: y('120000'), cityAverageTwoYearsAgoFen: y('100000'), lastYearAverageFen: (g: string) => (g === 'D1/S1' ? y('110000') : null) };
    const before = complianceSummary(workers, B, 'STREET', growth);
    const r = yearEndTopUp(workers, B, { kind: 'AVERAGE', level: 'STREET' }, growth);
    expect(r.totalFen).toBe(before.reduce((a, g) => a + g.shortfallFen, 0n));
    // S1: 2.5 worker-years × 132,000 = 330,000 against 280,000 paid; S9 (no last-year figure) as before, to B.
    expect(before.find((g) => g.group === 'D1/S1')!.shortfallFen).toBe(y('50000'));
    const after = complianceSummary(workers.map((w, i) => ({ ...w, annualPayFen: w.annualPayFen + r.lines[i].topUpFen })), B, 'STREET', growth);
    expect(after.map((g) => [g.group, g.meetsBenchmark, g.meetsGrowth, g.shortfallFen])).toEqual([
      ['D1/S1', true, true, 0n],
      ['D1/S2', true, null, 0n],
      ['D2/S9', true, null, 0n],
    ]);
  });

  it('AVERAGE with growth targets pays exactly the reported shortfall and passes both tests (property)', () => {
    fc.assert(
      fc.property(payArb, fc.bigInt({ min: 1n, max: 30_000_000n }), fc.bigInt({ min: 1n, max: 30_000_000n }), fc.bigInt({ min: 0n, max: 30_000_000n }), (ws, w1, w2, last) => {
        const growth = { cityAverageLastYearFen: w1, cityAverageTwoYearsAgoFen: w2, lastYearAverageFen: (g: string) => (g.endsWith('S3') ? null : last) };
        const before = complianceSummary(ws, w1, 'STREET', growth);
        const r = yearEndTopUp(ws, w1, { kind: 'AVERAGE', level: 'STREET' }, growth);
        expect(r.totalFen).toBe(before.reduce((a, g) => a + g.shortfallFen, 0n));
        const after = complianceSummary(ws.map((w, i) => ({ ...w, annualPayFen: w.annualPayFen + r.lines[i].topUpFen })), w1, 'STREET', growth);
        expect(after.every((g) => g.meetsBenchmark && g.meetsGrowth !== false)).toBe(true);
        expect(r.lines.every((l) => l.topUpFen >= 0n)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('PER_WORKER brings everyone to ratio × benchmark and no further (property)', () => {
    fc.assert(
      fc.property(payArb, fc.bigInt({ min: 1n, max: 30_000_000n }), fc.integer({ min: 50, max: 120 }), (ws, bench, pct) => {
        const r = yearEndTopUp(ws, bench, { kind: 'PER_WORKER', ratio: `${Math.floor(pct / 100)}.${String(pct % 100).padStart(2, '0')}` });
        ws.forEach((w, i) => {
          const after = w.annualPayFen + r.lines[i].topUpFen;
          const target = BigInt(pct) * bench * BigInt(w.monthsEmployed); // × 1200 scale
          expect(1200n * after >= target).toBe(true);
          if (r.lines[i].topUpFen > 0n) expect(1200n * (after - 1n) < target).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('projects workers for the summary at a calibrated unit value', () => {
    const list = [worker('a', '1.00'), worker('b', '2.00', 12, '0', 'D1', 'S2')];
    const projected = projectWorkers(list, 666_667n);
    expect(projected.map((p) => p.annualPayFen)).toEqual([8_000_004n, 16_000_008n]);
    expect(complianceSummary(projected, y('120000'), 'DISTRICT')[0].meetsBenchmark).toBe(true);
  });
});
