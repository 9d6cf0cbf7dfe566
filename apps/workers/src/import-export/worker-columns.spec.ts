import { residentIdIssue, luhnValid } from '@cws/kernel';
import { crossAppointmentStats } from '../appointments/appointments.service';
import { demoBankAccount, demoResidentId } from '../seed/seed-workers';
import { COLUMNS, normaliseDate, validateRow, type ColumnKey } from './worker-columns';

const cells = (over: Partial<Record<ColumnKey, string>> = {}) =>
  ({ ...Object.fromEntries(COLUMNS.map((c) => [c.key, ''])), name: '王芳', residentId: '11010519491231002X', education: '本科', politicalStatus: '群众', hireDate: '2015/7/1', employmentType: '专职', communityCode: '330106001001', ...over }) as Record<ColumnKey, string>;

describe('import row validation', () => {
  it('normalises Chinese labels and dates, deriving birth date and sex', () => {
    const r = validateRow(2, cells());
    expect(r.issues).toEqual([]);
    expect(r.value).toMatchObject({ birthDate: '1949-12-31', sex: 'F', education: 'BACHELOR', politicalStatus: 'NONE', hireDate: '2015-07-01', employmentType: 'FULL_TIME', qualificationLevel: 'NONE' });
  });

  it('reads the optional post columns: labels or codes, primary defaulting to 是, start to the hire date', () => {
    expect(validateRow(2, cells()).value?.appointment).toBeNull();
    expect(validateRow(2, cells({ bodyKind: '居委会', role: '主任' })).value?.appointment).toEqual({ bodyKind: 'COMMITTEE', role: 'DIRECTOR', band: 'HEAD', primary: true, from: '2015-07-01' });
    expect(validateRow(2, cells({ bodyKind: 'STATION', role: '副站长', primary: '否', appointmentFrom: '2016年3月1日' })).value?.appointment)
      .toEqual({ bodyKind: 'STATION', role: 'DEPUTY_STATION_HEAD', band: 'DEPUTY', primary: false, from: '2016-03-01' });
    const bad = validateRow(4, cells({ bodyKind: '工作站', role: '书记', primary: '也许', appointmentFrom: '2014-01-01' }));
    expect(bad.value).toBeUndefined();
    expect(bad.issues.map((i) => [i.column, i.code])).toEqual([['职务', 'ROLE_NOT_IN_BODY'], ['是否主岗', 'UNKNOWN_CODE'], ['任职日期', 'APPOINTMENT_BEFORE_HIRE']]);
    expect(validateRow(5, cells({ role: '委员' })).issues.map((i) => [i.column, i.code])).toEqual([['任职机构', 'APPOINTMENT_INCOMPLETE']]);
  });

  it('names the column and reason of each problem', () => {
    const r = validateRow(7, cells({ residentId: '330106199001011234', hireDate: '2015-13-01', employmentType: '临时工' }));
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([[7, '身份证号', 'RESIDENT_ID_CHECKSUM'], [7, '用工类型', 'UNKNOWN_CODE'], [7, '入职日期', 'DATE_FORMAT']]);
  });

  it('accepts 2015年7月1日 but not 2015-02-30', () => {
    expect(normaliseDate('2015年7月1日')).toBe('2015-07-01');
    expect(normaliseDate('2015-02-30')).toBeNull();
  });
});

describe('cross-appointment figures', () => {
  it('counts leaders in two or more bodies and detects 一肩挑', () => {
    const s = crossAppointmentStats('c', [
      { workerId: 1, bodyKind: 'PARTY', role: 'SECRETARY' },
      { workerId: 1, bodyKind: 'COMMITTEE', role: 'DIRECTOR' },
      { workerId: 2, bodyKind: 'STATION', role: 'STATION_HEAD' },
      { workerId: 3, bodyKind: 'COMMITTEE', role: 'DEPUTY_DIRECTOR' },
      { workerId: 4, bodyKind: 'STATION', role: 'STAFF' },
      { workerId: 4, bodyKind: 'PARTY', role: 'MEMBER' },
    ]);
    expect(s).toEqual({ communityCode: 'c', leaders: 3, crossAppointed: 1, rate: '0.3333', oneShoulder: true });
    expect(crossAppointmentStats('c', [])).toMatchObject({ leaders: 0, rate: '0.0000', oneShoulder: false });
  });
});

describe('demo identifiers', () => {
  it('are valid and unique across 100,000 people', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 100_000; n += 7) {
      const { id } = demoResidentId('330106', n, n % 2 ? 'M' : 'F');
      expect(residentIdIssue(id)).toBeNull();
      seen.add(id);
    }
    expect(seen.size).toBe(Math.ceil(100_000 / 7));
    expect(luhnValid(demoBankAccount(123))).toBe(true);
  });
});
