import { addMonths, fullMonthsBetween } from './dates';
import { assertMethod, assertNotWithdrawn, assertVotes, assertWithdrawable, correctElection, termEnd, voidedEnd, wasHeld, type ElectionFacts } from './election';
import { assertGradeInBand, nextStepDate, placeByPolicy, placeForBand, progressionDue, type GradePolicy } from './grade';
import { passedOver, rankCandidates, totalHundredths } from './ranking';
import { membershipInYear, owedTenths, trainingOwed } from './training-owed';

const EDU: Array<[string, number]> = [['SENIOR_HIGH', 0], ['JUNIOR_COLLEGE', 1], ['BACHELOR', 2], ['MASTER', 3]];
const START = { HEAD: 7, DEPUTY: 4, OTHER: 1 } as const;
const policy: GradePolicy = {
  entry: (['HEAD', 'DEPUTY', 'OTHER'] as const).flatMap((band) => EDU.map(([education, s]) => ({ id: `E-${band}-${education}`, band, education, baseGrade: START[band] + s }))),
  bands: [{ id: 'B-HEAD', band: 'HEAD', minGrade: 7, maxGrade: 18 }, { id: 'B-DEPUTY', band: 'DEPUTY', minGrade: 4, maxGrade: 15 }, { id: 'B-OTHER', band: 'OTHER', minGrade: 1, maxGrade: 12 }],
  progression: { id: 'P', yearsPerStep: 3 },
};

describe('dates', () => {
  it('adds months clamped to the month end and counts anniversary months', () => {
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2020-05-15', -5)).toBe('2019-12-15');
    expect(fullMonthsBetween('2020-01-31', '2020-02-28')).toBe(0);
    expect(fullMonthsBetween('2020-01-31', '2020-02-29')).toBe(1);
    expect(fullMonthsBetween('2020-01-31', '2020-03-01')).toBe(1);
    expect(fullMonthsBetween('2026-03-01', '2026-02-01')).toBe(0);
  });
});

describe('grades', () => {
  const recruit = { education: 'BACHELOR', hireDate: '2026-05-01', priorServiceMonths: 0 };
  it('places a recruit with 9 years of prior community service at the base grade + 3', () => {
    expect(placeByPolicy(policy, 'OTHER', recruit, '2026-05-01').grade).toBe(3);
    const veteran = placeByPolicy(policy, 'OTHER', { ...recruit, priorServiceMonths: 108 }, '2026-05-01');
    expect(veteran).toMatchObject({ grade: 6, anchorDate: '2026-05-01', policyRefs: ['E-OTHER-BACHELOR', 'B-OTHER', 'P'] });
  });
  it('moves the anchor back by the part-step of prior service (40 months: one step, next in 32 months)', () => {
    const p = placeByPolicy(policy, 'OTHER', { ...recruit, priorServiceMonths: 40 }, '2026-05-01');
    expect(p).toMatchObject({ grade: 4, anchorDate: '2026-01-01' });
    expect(progressionDue(policy, p, '2028-12-31')).toBeNull();
    expect(progressionDue(policy, p, '2029-01-01')).toMatchObject({ grade: 5, steps: 1, anchorDate: '2029-01-01' });
  });
  it('derives today\'s grade from the hire date and caps at the band top', () => {
    expect(placeByPolicy(policy, 'OTHER', { education: 'BACHELOR', hireDate: '2015-07-01', priorServiceMonths: 0 }, '2026-11-30'))
      .toMatchObject({ grade: 6, anchorDate: '2024-07-01', cappedAtBandTop: false });
    expect(placeByPolicy(policy, 'OTHER', { education: 'MASTER', hireDate: '1990-01-01', priorServiceMonths: 0 }, '2026-11-30'))
      .toMatchObject({ grade: 12, cappedAtBandTop: true });
  });
  it('progresses one step per full period since the anchor, several when a year was missed, never past the top', () => {
    const cur = { grade: 5, band: 'OTHER' as const, anchorDate: '2020-03-15' };
    expect(progressionDue(policy, cur, '2023-03-14')).toBeNull();
    expect(progressionDue(policy, cur, '2023-03-15')).toMatchObject({ grade: 6, steps: 1, anchorDate: '2023-03-15' });
    expect(progressionDue(policy, cur, '2027-01-01')).toMatchObject({ grade: 7, steps: 2, anchorDate: '2026-03-15' });
    expect(progressionDue(policy, { ...cur, grade: 12 }, '2030-01-01')).toBeNull();
  });
  it('steps on the anchor\'s anniversary before the yearly run covers the worker, on the yearly run (1 January) after', () => {
    // registered 2026-12-01, covered by the yearly run from the next day: an anniversary before that is when a late registration records the step
    expect(nextStepDate(policy, '2022-01-01', '2022-01-01', '2026-12-02')).toBe('2025-01-01');
    expect(nextStepDate(policy, '2021-07-01', '2024-06-30', '2026-12-02')).toBe('2024-07-01');
    // the registration day is the last one recorded by anniversary; the next day is the yearly run's
    expect(nextStepDate(policy, '2023-12-01', '2023-12-01', '2026-12-02')).toBe('2026-12-01');
    expect(nextStepDate(policy, '2023-12-02', '2023-12-02', '2026-12-02')).toBe('2027-01-01');
    // covered since March 2020: the first 1 January on or after the anniversary
    expect(nextStepDate(policy, '2021-06-01', '2021-06-01', '2020-03-20')).toBe('2025-01-01');
    expect(nextStepDate(policy, '2021-01-01', '2021-06-01', '2020-03-20')).toBe('2024-01-01');
    // an anniversary already behind the cursor (a band top kept the anchor): the next yearly run that covers the worker
    expect(nextStepDate(policy, '2010-05-01', '2020-02-01', '2026-12-02')).toBe('2027-01-01');
    expect(nextStepDate(policy, '2010-05-01', '2024-03-01', '2020-03-20')).toBe('2025-01-01');
    // a step never falls on the cursor itself
    expect(nextStepDate(policy, '2020-01-01', '2023-01-01', '2020-03-20')).toBe('2024-01-01');
  });
  it('re-places on a band change: never below the new band, at least a direct entry to it', () => {
    const worker = { education: 'BACHELOR', hireDate: '2017-01-01', priorServiceMonths: 0 };
    expect(placeForBand(policy, { grade: 6, band: 'OTHER', anchorDate: '2023-01-01' }, 'HEAD', worker, '2026-01-01')).toMatchObject({ grade: 12, band: 'HEAD' });
    expect(placeForBand(policy, { grade: 15, band: 'HEAD', anchorDate: '2025-01-01' }, 'OTHER', worker, '2026-01-01'))
      .toMatchObject({ grade: 12, band: 'OTHER', anchorDate: '2025-01-01' });
  });
  it('refuses an explicit grade outside the band, naming the field', () => {
    expect(() => assertGradeInBand(policy, 'HEAD', 5, 'data.grade')).toThrow(expect.objectContaining({ code: 'GRADE_OUT_OF_BAND', details: [expect.objectContaining({ path: 'data.grade' })] }));
    expect(() => assertGradeInBand(policy, 'HEAD', 7)).not.toThrow();
    expect(() => placeByPolicy(policy, 'OTHER', { ...recruit, education: 'PHD' }, '2026-01-01')).toThrow(/no entry grade/);
  });
});

describe('training owed', () => {
  it('counts months of membership in the year, not today\'s status', () => {
    expect(membershipInYear('2020-01-01', '2027-03-31', 2026)).toEqual({ from: '2026-01-01', to: '2026-12-31', months: 12, basis: 'FULL_YEAR' });
    expect(membershipInYear('2026-12-20', null, 2026)).toMatchObject({ months: 1, basis: 'HIRED_IN_YEAR' });
    expect(membershipInYear('2020-01-01', '2026-06-30', 2026)).toMatchObject({ months: 6, basis: 'LEFT_IN_YEAR' });
    expect(membershipInYear('2026-03-10', '2026-04-02', 2026)).toMatchObject({ months: 2, basis: 'HIRED_AND_LEFT_IN_YEAR' });
    expect(membershipInYear('2027-01-01', null, 2026)).toMatchObject({ months: 0, basis: 'NOT_EMPLOYED' });
    expect(membershipInYear('2020-01-01', '2025-12-31', 2026)).toMatchObject({ months: 0, basis: 'NOT_EMPLOYED' });
  });
  it('pro-rates in tenths, half up', () => {
    expect(owedTenths(400, 12)).toBe(400);
    expect(owedTenths(400, 1)).toBe(33);
    expect(owedTenths(410, 3)).toBe(103); // 10.25 → 10.3
    expect(trainingOwed('40.0', '2026-12-20', null, 2026)).toMatchObject({ owedHours: '3.3', reason: 'hired 2026-12-20: 1 of 12 months × 40.0 h = 3.3 h' });
  });
});

describe('ranking', () => {
  const c = (id: number, written: string | null, interview: string | null, status = 'APPLIED') => ({ id, written, interview, status });
  it('weights, rounds half up in hundredths, breaks ties by interview then application order', () => {
    expect(totalHundredths('0.50', '82.5', '88.01')).toBe(8526); // 85.255 → 85.26
    const ranked = rankCandidates('0.50', [c(1, '80', '90'), c(2, '90', '80'), c(3, '85', '85'), c(4, '95', '95')]);
    expect(ranked.map((r) => [r.candidate.id, r.total])).toEqual([[4, '95.00'], [1, '85.00'], [3, '85.00'], [2, '85.00']]);
  });
  it('lists the higher-ranked candidates still in contention that a choice passes over', () => {
    const ranked = rankCandidates('0.50', [c(1, '90', '90', 'HIRED'), c(2, '85', '85'), c(3, '80', '80'), c(4, '70', null)]);
    expect(passedOver(ranked, 3).map((r) => r.candidate.id)).toEqual([2]);
    expect(passedOver(ranked, 2)).toEqual([]);
  });
});

describe('withdrawing an election (撤销)', () => {
  const none = { withdrawnAt: null, byElectionIds: [], laterRegularIds: [] };
  const refusal = (f: () => void) => {
    try {
      f();
    } catch (e) {
      return e as { code: string; extra?: Record<string, unknown> };
    }
    throw new Error('no refusal');
  };

  it('voids a post by ending it the day before it starts: never in force, still on file', () => {
    expect(voidedEnd('2026-03-01')).toBe('2026-02-28');
    expect(wasHeld({ from: '2026-03-01', to: voidedEnd('2026-03-01') })).toBe(false);
    // a one-day post, an open one and an ended one were held
    expect([wasHeld({ from: '2026-03-01', to: '2026-03-01' }), wasHeld({ from: '2026-03-01', to: null }), wasHeld({ from: '2026-03-01', to: '2027-01-01' })]).toEqual([true, true, true]);
  });

  it('is the latest act on the term: once, by-elections first, a later re-election first', () => {
    expect(() => assertWithdrawable(7, none)).not.toThrow();
    expect(refusal(() => assertWithdrawable(7, { ...none, withdrawnAt: '2026-11-30T08:00:00.000Z' })).code).toBe('ELECTION_WITHDRAWN');
    expect(refusal(() => assertWithdrawable(7, { ...none, byElectionIds: [9, 11] }))).toMatchObject({ code: 'ELECTION_HAS_BY_ELECTIONS', extra: { electionIds: [9, 11] } });
    expect(refusal(() => assertWithdrawable(7, { ...none, laterRegularIds: [12] }))).toMatchObject({ code: 'ELECTION_SUPERSEDED', extra: { electionIds: [12] } });
  });

  it('a withdrawn election is neither withdrawn again nor corrected', () => {
    expect(() => assertNotWithdrawn(7, null)).not.toThrow();
    expect(refusal(() => assertNotWithdrawn(7, '2026-11-30T08:00:00.000Z'))).toMatchObject({ code: 'ELECTION_WITHDRAWN', message: expect.stringContaining('election 7') });
  });
});

describe('elections', () => {
  it('a five-year term ends the day before the fifth anniversary', () => {
    expect(termEnd('2026-03-01', 5)).toBe('2031-02-28');
    expect(termEnd('2024-02-29', 5)).toBe('2029-02-27');
  });
  it('needs a majority turnout and a majority of the votes cast for each winner', () => {
    expect(() => assertVotes({ eligibleVoters: 100, votesCast: 50, results: [] })).toThrow(expect.objectContaining({ code: 'ELECTION_TURNOUT_TOO_LOW' }));
    expect(() => assertVotes({ eligibleVoters: 100, votesCast: 80, results: [{ votes: 41 }, { votes: 40 }] }))
      .toThrow(expect.objectContaining({ code: 'ELECTED_WITHOUT_MAJORITY', details: [expect.objectContaining({ path: 'results[1].votes' })] }));
    expect(() => assertVotes({ eligibleVoters: 100, votesCast: 80, results: [{ votes: 79 }] })).not.toThrow();
  });
  it('allows each body its own methods: the party 公推直选 only', () => {
    expect(() => assertMethod('PARTY', 'DIRECT')).toThrow(expect.objectContaining({ code: 'ELECTION_METHOD_NOT_ALLOWED', details: [expect.objectContaining({ path: 'method' })] }));
    expect(() => assertMethod('COMMITTEE', 'HOUSEHOLD_REPRESENTATIVES')).not.toThrow();
  });

  describe('correcting a record (更正)', () => {
    const backfilled: ElectionFacts = { method: null, eligibleVoters: null, votesCast: null, note: 'back-filled', results: [{ workerId: 7, votes: null }, { workerId: 9, votes: null }] };
    const recorded: ElectionFacts = { method: 'DIRECT', eligibleVoters: 2000, votesCast: 1500, note: null, results: [{ workerId: 7, votes: 900 }, { workerId: 9, votes: 800 }] };
    const fails = (f: () => unknown, code: string, path: string) => expect(f).toThrow(expect.objectContaining({ code, details: [expect.objectContaining({ path })] }));

    it('completes a back-filled record in one go, every count at once', () => {
      const done = correctElection('COMMITTEE', backfilled, { method: 'DIRECT', eligibleVoters: 1800, votesCast: 1320, results: [{ workerId: 9, votes: 700 }, { workerId: 7, votes: 1200 }] });
      expect(done).toEqual({ method: 'DIRECT', eligibleVoters: 1800, votesCast: 1320, note: 'back-filled', results: [{ workerId: 7, votes: 1200 }, { workerId: 9, votes: 700 }] });
      fails(() => correctElection('COMMITTEE', backfilled, { votesCast: 1320 }), 'VOTES_INCOMPLETE', 'eligibleVoters');
      fails(() => correctElection('COMMITTEE', backfilled, { eligibleVoters: 1800, votesCast: 1320, results: [{ workerId: 7, votes: 1200 }] }), 'VOTES_INCOMPLETE', 'results');
    });
    it('changes only what it names; a method or a note alone leaves the counts unchecked and unchanged', () => {
      expect(correctElection('PARTY', backfilled, { method: 'PUBLIC_NOMINATION_DIRECT' })).toEqual({ ...backfilled, method: 'PUBLIC_NOMINATION_DIRECT' });
      expect(correctElection('COMMITTEE', recorded, { note: null })).toEqual(recorded);
      expect(correctElection('COMMITTEE', recorded, { note: '第十一届' }).note).toBe('第十一届');
      fails(() => correctElection('PARTY', backfilled, { method: 'DIRECT' }), 'ELECTION_METHOD_NOT_ALLOWED', 'method');
      fails(() => correctElection('COMMITTEE', recorded, {}), 'NOTHING_TO_CORRECT', 'body');
    });
    it('checks the corrected counts against the Organic Law, naming the winner the correction gave or the count that broke it', () => {
      fails(() => correctElection('COMMITTEE', recorded, { results: [{ workerId: 9, votes: 700 }] }), 'ELECTED_WITHOUT_MAJORITY', 'results[0].votes');
      fails(() => correctElection('COMMITTEE', recorded, { votesCast: 1900 }), 'ELECTED_WITHOUT_MAJORITY', 'votesCast');
      fails(() => correctElection('COMMITTEE', recorded, { votesCast: 2100 }), 'VOTES_EXCEED_VOTERS', 'votesCast');
      fails(() => correctElection('COMMITTEE', recorded, { eligibleVoters: 3100 }), 'ELECTION_TURNOUT_TOO_LOW', 'votesCast');
      expect(correctElection('COMMITTEE', recorded, { votesCast: 1550, results: [{ workerId: 9, votes: 801 }] }).results).toEqual([{ workerId: 7, votes: 900 }, { workerId: 9, votes: 801 }]);
    });
    it('corrects the votes of the election’s own winners only, each once', () => {
      fails(() => correctElection('COMMITTEE', recorded, { results: [{ workerId: 8, votes: 900 }] }), 'RESULT_NOT_IN_ELECTION', 'results[0].workerId');
      fails(() => correctElection('COMMITTEE', recorded, { results: [{ workerId: 7, votes: 900 }, { workerId: 7, votes: 901 }] }), 'DUPLICATE_RESULT', 'results[1].workerId');
    });
  });
});
