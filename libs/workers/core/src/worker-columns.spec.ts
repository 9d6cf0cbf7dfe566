import { bodyName } from './org';
import { COLUMNS, csvLine, normaliseDate, validateRow, type ColumnKey } from './worker-columns';

const TODAY = '2026-11-30';
const cells = (over: Partial<Record<ColumnKey, string>> = {}) =>
  ({ ...Object.fromEntries(COLUMNS.map((c) => [c.key, ''])), name: '王芳', residentId: '11010519491231002X', education: '本科', politicalStatus: '群众', hireDate: '2015/7/1', employmentType: '专职', communityCode: '330106001001', ...over }) as Record<ColumnKey, string>;

describe('import row validation', () => {
  it('normalises Chinese labels and dates, deriving birth date and sex', () => {
    const r = validateRow(2, cells(), TODAY);
    expect(r.issues).toEqual([]);
    expect(r.value).toMatchObject({ birthDate: '1949-12-31', sex: 'F', education: 'BACHELOR', politicalStatus: 'NONE', hireDate: '2015-07-01', employmentType: 'FULL_TIME', qualificationLevel: 'NONE' });
  });

  it('reads the optional post columns: labels or codes, primary defaulting to 是, start to the hire date', () => {
    expect(validateRow(2, cells(), TODAY).value?.appointment).toBeNull();
    expect(validateRow(2, cells({ bodyKind: '居委会', role: '主任' }), TODAY).value?.appointment).toEqual({ bodyKind: 'COMMITTEE', role: 'DIRECTOR', band: 'HEAD', primary: true, from: '2015-07-01' });
    expect(validateRow(2, cells({ bodyKind: 'STATION', role: '副站长', primary: '否', appointmentFrom: '2016年3月1日' }), TODAY).value?.appointment)
      .toEqual({ bodyKind: 'STATION', role: 'DEPUTY_STATION_HEAD', band: 'DEPUTY', primary: false, from: '2016-03-01' });
    const bad = validateRow(4, cells({ bodyKind: '工作站', role: '书记', primary: '也许', appointmentFrom: '2014-01-01' }), TODAY);
    expect(bad.value).toBeUndefined();
    expect(bad.issues.map((i) => [i.column, i.code])).toEqual([['职务', 'ROLE_NOT_IN_BODY'], ['是否主岗', 'UNKNOWN_CODE'], ['任职日期', 'APPOINTMENT_BEFORE_HIRE']]);
    expect(validateRow(5, cells({ role: '委员' }), TODAY).issues.map((i) => [i.column, i.code])).toEqual([['任职机构', 'APPOINTMENT_INCOMPLETE']]);
  });

  it('names the column and reason of each problem', () => {
    const r = validateRow(7, cells({ residentId: '330106199001011234', hireDate: '2015-13-01', employmentType: '临时工' }), TODAY);
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([[7, '身份证号', 'RESIDENT_ID_CHECKSUM'], [7, '用工类型', 'UNKNOWN_CODE'], [7, '入职日期', 'DATE_FORMAT']]);
  });

  it('accepts 2015年7月1日 but not 2015-02-30', () => {
    expect(normaliseDate('2015年7月1日')).toBe('2015-07-01');
    expect(normaliseDate('2015-02-30')).toBeNull();
  });

  it('refuses a hire date after today (the date is the caller\'s, so the rule needs no clock)', () => {
    expect(validateRow(3, cells({ hireDate: '2026-12-01' }), TODAY).issues.map((i) => [i.column, i.code])).toEqual([['入职日期', 'HIRE_DATE_IN_FUTURE']]);
    expect(validateRow(3, cells({ hireDate: '2026-11-30' }), TODAY).issues).toEqual([]);
  });
});

describe('sheet text', () => {
  it('quotes a CSV cell only when it holds a comma, quote or line break', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'x\ny', null, 7])).toBe('a,"b,c","say ""hi""","x\ny",,7');
  });

  it('names a community\'s bodies after it without doubling 社区', () => {
    expect(bodyName('西湖社区', 'COMMITTEE')).toBe('西湖社区居民委员会');
    expect(bodyName('翠苑一区', 'PARTY')).toBe('翠苑一区社区党组织');
  });
});
