import { CurtoisFormatError, formatCurtoisSolution, parseCurtoisInstance, parseCurtoisSolution } from './parse';

const TEXT = `# comment
SECTION_HORIZON
# days
14

SECTION_SHIFTS
E,480,
L,600,E|L

SECTION_STAFF
A,E=10|L=0,4800,960,5,2,2,1
B,L=3,6000,0,4,1,1,2

SECTION_DAYS_OFF
A,0,13
B

SECTION_SHIFT_ON_REQUESTS
A,2,E,2

SECTION_SHIFT_OFF_REQUESTS
B,3,L,3

SECTION_COVER
0,E,1,100,1
0,L,2,50,2
`;

function errorOf(text: string): CurtoisFormatError {
  try {
    parseCurtoisInstance(text);
  } catch (e) {
    if (e instanceof CurtoisFormatError) return e;
    throw e;
  }
  throw new Error('expected a CurtoisFormatError');
}

describe('parseCurtoisInstance', () => {
  it('reads every section, including empty max lists and days-off lines with no day', () => {
    const inst = parseCurtoisInstance(TEXT, 'tiny');
    expect(inst.horizon).toBe(14);
    expect(inst.shifts).toEqual([
      { id: 'E', minutes: 480, cannotFollow: [] },
      { id: 'L', minutes: 600, cannotFollow: ['E', 'L'] },
    ]);
    expect(inst.staff[0]).toEqual({
      id: 'A',
      maxShifts: { E: 10, L: 0 },
      maxTotalMinutes: 4800,
      minTotalMinutes: 960,
      maxConsecutiveShifts: 5,
      minConsecutiveShifts: 2,
      minConsecutiveDaysOff: 2,
      maxWeekends: 1,
    });
    expect(inst.staff[1].maxShifts).toEqual({ L: 3 });
    expect(inst.daysOff).toEqual({ A: [0, 13], B: [] });
    expect(inst.onRequests).toEqual([{ employee: 'A', day: 2, shift: 'E', weight: 2 }]);
    expect(inst.offRequests).toEqual([{ employee: 'B', day: 3, shift: 'L', weight: 3 }]);
    expect(inst.cover).toEqual([
      { day: 0, shift: 'E', requirement: 1, underWeight: 100, overWeight: 1 },
      { day: 0, shift: 'L', requirement: 2, underWeight: 50, overWeight: 2 },
    ]);
  });

  it.each([
    ['an unknown shift in a staff line', TEXT.replace('A,E=10|L=0', 'A,E=10|X=0'), /line 11: unknown shift "X"/],
    ['a day outside the horizon', TEXT.replace('A,0,13', 'A,0,14'), /line 15: day 14 is outside the horizon of 14 days/],
    ['a short cover line', TEXT.replace('0,E,1,100,1', '0,E,1,100'), /line 25: SECTION_COVER expects 5/],
    ['an unknown employee in a request', TEXT.replace('A,2,E,2', 'Z,2,E,2'), /line 19: unknown employee "Z"/],
    ['a non-integer weight', TEXT.replace('B,3,L,3', 'B,3,L,x'), /line 22: weight must be an integer/],
    ['a negative length', TEXT.replace('E,480,', 'E,-480,'), /line 7: shift length must be at least 1/],
    ['data outside any section', `3\n${TEXT}`, /line 1: data outside any section/],
    ['an unknown section', TEXT.replace('SECTION_COVER', 'SECTION_COVERS'), /unknown section SECTION_COVERS/],
    ['a missing section', TEXT.replace(/SECTION_COVER[\s\S]*$/, ''), /missing SECTION_COVER/],
    ['a duplicate employee', TEXT.replace('B,L=3', 'A,L=3'), /line 12: duplicate employee A/],
    ['a malformed max', TEXT.replace('B,L=3', 'B,L3'), /ShiftID=count/],
  ])('rejects %s with its line', (_what, text, message) => {
    expect(errorOf(text).message).toMatch(message);
  });
});

describe('solution files', () => {
  it('round-trips EmployeeID,Day,ShiftID lines', () => {
    const rows = [
      { employee: 'A', day: 0, shift: 'E' },
      { employee: 'B', day: 13, shift: 'L' },
    ];
    expect(parseCurtoisSolution(formatCurtoisSolution(rows))).toEqual(rows);
  });

  it('rejects a line without three fields', () => {
    expect(() => parseCurtoisSolution('A,0,E\nB,1\n')).toThrow(/line 2: a solution line reads EmployeeID,Day,ShiftID/);
  });
});
