/**
 * The import/export sheet: Chinese headers, Chinese labels for coded values (codes accepted too).
 * Pure: validating one row needs no database (the service checks rows against the register).
 */
import { isIsoDate, parseResidentId, residentIdIssue, bankCardFormatValid, luhnValid } from '@cws/kernel';
import {
  bandOfRole, ROLES_BY_BODY, type AppointmentRole, type BodyKind, type Education, type EmploymentType, type PoliticalStatus, type PostBand,
  type QualificationLevel,
} from './vocabulary';

/** What each resident-ID issue (kernel `residentIdIssue`) means, for the API's 400s and the import's row issues. */
export const RESIDENT_ID_ISSUES: Record<string, string> = {
  FORMAT: 'must be 17 digits followed by a digit or X',
  PROVINCE: 'does not start with a known province code',
  BIRTH_DATE: 'does not contain a real past birth date',
  CHECKSUM: 'fails the GB 11643 check character',
};

export const COLUMNS = [
  { key: 'name', header: '姓名', required: true, example: '张丽华' },
  { key: 'residentId', header: '身份证号', required: true, example: '11010519491231002X' },
  { key: 'phone', header: '手机号', required: false, example: '13800138000' },
  { key: 'education', header: '学历', required: true, example: '本科' },
  { key: 'politicalStatus', header: '政治面貌', required: true, example: '中共党员' },
  { key: 'qualificationLevel', header: '社工资格', required: false, example: '社会工作师' },
  { key: 'qualificationCert', header: '资格证书编号', required: false, example: 'ZJ2019SW001234' },
  { key: 'hireDate', header: '入职日期', required: true, example: '2015-07-01' },
  { key: 'employmentType', header: '用工类型', required: true, example: '专职社区工作者' },
  { key: 'communityCode', header: '社区代码', required: true, example: '330106001001' },
  { key: 'bankAccount', header: '银行账号', required: false, example: '6225768888888888' },
  // Optional first post: body and role together; primary defaults to 是, start date to the hire date.
  { key: 'bodyKind', header: '任职机构', required: false, example: '居委会' },
  { key: 'role', header: '职务', required: false, example: '委员' },
  { key: 'primary', header: '是否主岗', required: false, example: '是' },
  { key: 'appointmentFrom', header: '任职日期', required: false, example: '2015-07-01' },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];
export const HEADER_OF = Object.fromEntries(COLUMNS.map((c) => [c.key, c.header])) as Record<ColumnKey, string>;

export const EDUCATION_LABELS: Record<Education, string> = {
  JUNIOR_HIGH: '初中', SENIOR_HIGH: '高中', VOCATIONAL: '中专', JUNIOR_COLLEGE: '大专', BACHELOR: '本科', MASTER: '硕士研究生', DOCTORATE: '博士研究生',
};
export const POLITICAL_LABELS: Record<PoliticalStatus, string> = { CPC_MEMBER: '中共党员', CPC_PROBATIONARY: '中共预备党员', LEAGUE_MEMBER: '共青团员', NONE: '群众' };
export const QUALIFICATION_LABELS: Record<QualificationLevel, string> = { NONE: '无', ASSISTANT: '助理社会工作师', SOCIAL_WORKER: '社会工作师', SENIOR: '高级社会工作师' };
export const EMPLOYMENT_LABELS: Record<EmploymentType, string> = { FULL_TIME: '专职社区工作者', SECONDED_IN: '下派挂职干部' };
export const STATUS_LABELS: Record<string, string> = { ACTIVE: '在岗', SECONDED_OUT: '外派挂职', ON_LEAVE: '休假', LEFT: '离职' };
export const BAND_LABELS: Record<string, string> = { HEAD: '正职', DEPUTY: '副职', OTHER: '其他' };
export const BODY_LABELS: Record<BodyKind, string> = { PARTY: '党组织', COMMITTEE: '居委会', STATION: '工作站' };
export const ROLE_LABELS: Record<AppointmentRole, string> = {
  SECRETARY: '书记', DEPUTY_SECRETARY: '副书记', DIRECTOR: '主任', DEPUTY_DIRECTOR: '副主任', MEMBER: '委员',
  STATION_HEAD: '站长', DEPUTY_STATION_HEAD: '副站长', STAFF: '工作人员',
};

function lookup<T extends string>(labels: Record<T, string>, extra: Record<string, T> = {}) {
  const map = new Map<string, T>();
  for (const [code, label] of Object.entries(labels) as Array<[T, string]>) {
    map.set(code, code);
    map.set(label, code);
  }
  for (const [k, v] of Object.entries(extra)) map.set(k, v);
  return (value: string): T | undefined => map.get(value.trim());
}
const EDUCATION = lookup(EDUCATION_LABELS, { 硕士: 'MASTER', 博士: 'DOCTORATE', 研究生: 'MASTER', 大学本科: 'BACHELOR', 大学专科: 'JUNIOR_COLLEGE' });
const POLITICAL = lookup(POLITICAL_LABELS, { 党员: 'CPC_MEMBER', 预备党员: 'CPC_PROBATIONARY', 团员: 'LEAGUE_MEMBER' });
const QUALIFICATION = lookup(QUALIFICATION_LABELS, { '': 'NONE' });
const EMPLOYMENT = lookup(EMPLOYMENT_LABELS, { 专职: 'FULL_TIME', 挂职: 'SECONDED_IN' });
const BODY = lookup(BODY_LABELS, { 社区党组织: 'PARTY', 党委: 'PARTY', 党总支: 'PARTY', 党支部: 'PARTY', 居民委员会: 'COMMITTEE', 公共服务工作站: 'STATION', 社区公共服务工作站: 'STATION' });
const ROLE = lookup(ROLE_LABELS, { 党组织书记: 'SECRETARY', 居委会主任: 'DIRECTOR', 成员: 'MEMBER' });
const YES_NO = lookup({ Y: '是', N: '否' } as Record<'Y' | 'N', string>, { '': 'Y', 1: 'Y', 0: 'N', true: 'Y', false: 'N', TRUE: 'Y', FALSE: 'N' });

/** The post a row asks for (optional). Obtained by APPOINTMENT. */
export interface ImportAppointment {
  bodyKind: BodyKind;
  role: AppointmentRole;
  band: PostBand;
  primary: boolean;
  from: string;
}

export interface ImportRow {
  row: number;
  name: string;
  residentId: string;
  birthDate: string;
  sex: 'M' | 'F';
  phone: string | null;
  education: Education;
  politicalStatus: PoliticalStatus;
  qualificationLevel: QualificationLevel;
  qualificationCert: string | null;
  hireDate: string;
  employmentType: EmploymentType;
  communityCode: string;
  bankAccount: string | null;
  appointment: ImportAppointment | null;
}

export interface RowIssue {
  row: number;
  column: string;
  field: ColumnKey;
  code: string;
  reason: string;
}

/** Dates may come as 2015-07-01, 2015/7/1 or 2015.07.01 (Excel date cells are formatted before this). */
export function normaliseDate(raw: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** Checks one row on its own (`today` = the server's date, YYYY-MM-DD); returns the normalised row or its issues (values are never echoed). */
export function validateRow(row: number, cells: Record<ColumnKey, string>, today: string): { value?: ImportRow; issues: RowIssue[]; warnings: RowIssue[] } {
  const issues: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const fail = (field: ColumnKey, code: string, reason: string) => issues.push({ row, column: HEADER_OF[field], field, code, reason });
  for (const c of COLUMNS) if (c.required && !cells[c.key]) fail(c.key, 'REQUIRED', '必填');
  const name = cells.name;
  if (name && name.length > 60) fail('name', 'TOO_LONG', '不超过60个字符');
  const rid = cells.residentId.toUpperCase();
  let info: { birthDate: string; sex: 'M' | 'F' } | null = null;
  if (rid) {
    const issue = residentIdIssue(rid);
    if (issue) fail('residentId', `RESIDENT_ID_${issue}`, RESIDENT_ID_ISSUES[issue]);
    else info = parseResidentId(rid);
  }
  if (cells.phone && !/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/.test(cells.phone)) fail('phone', 'PHONE_FORMAT', 'must be a mobile or landline number');
  const education = cells.education ? EDUCATION(cells.education) : undefined;
  if (cells.education && !education) fail('education', 'UNKNOWN_CODE', `must be one of ${Object.values(EDUCATION_LABELS).join('/')}`);
  const political = cells.politicalStatus ? POLITICAL(cells.politicalStatus) : undefined;
  if (cells.politicalStatus && !political) fail('politicalStatus', 'UNKNOWN_CODE', `must be one of ${Object.values(POLITICAL_LABELS).join('/')}`);
  const qualification = QUALIFICATION(cells.qualificationLevel);
  if (!qualification) fail('qualificationLevel', 'UNKNOWN_CODE', `must be one of ${Object.values(QUALIFICATION_LABELS).join('/')}`);
  const employment = cells.employmentType ? EMPLOYMENT(cells.employmentType) : undefined;
  if (cells.employmentType && !employment) fail('employmentType', 'UNKNOWN_CODE', `must be one of ${Object.values(EMPLOYMENT_LABELS).join('/')}`);
  const hireDate = cells.hireDate ? normaliseDate(cells.hireDate) : null;
  if (cells.hireDate && !hireDate) fail('hireDate', 'DATE_FORMAT', 'must be a real date like 2015-07-01');
  if (hireDate && info && hireDate <= info.birthDate) fail('hireDate', 'HIRE_DATE_BEFORE_BIRTH', 'must be after the birth date in the resident ID');
  if (hireDate && hireDate > today) fail('hireDate', 'HIRE_DATE_IN_FUTURE', 'must not be in the future');
  if (cells.communityCode && !/^\d{12}$/.test(cells.communityCode)) fail('communityCode', 'CODE_FORMAT', 'must be a 12-digit community code');
  const bank = cells.bankAccount.replace(/\s/g, '');
  if (bank) {
    if (!bankCardFormatValid(bank)) fail('bankAccount', 'BANK_ACCOUNT_FORMAT', 'must be 16 to 19 digits');
    else if (!luhnValid(bank)) warnings.push({ row, column: HEADER_OF.bankAccount, field: 'bankAccount', code: 'BANK_ACCOUNT_LUHN', reason: 'fails the Luhn check; please confirm' });
  }
  if (cells.qualificationCert.length > 40) fail('qualificationCert', 'TOO_LONG', '不超过40个字符');
  const appointment = validateAppointment(cells, hireDate, fail);
  if (issues.length || !info) return { issues, warnings };
  return {
    issues,
    warnings,
    value: {
      row, name, residentId: rid, birthDate: info.birthDate, sex: info.sex, phone: cells.phone || null, education: education!, politicalStatus: political!,
      qualificationLevel: qualification!, qualificationCert: cells.qualificationCert || null, hireDate: hireDate!, employmentType: employment!,
      communityCode: cells.communityCode, bankAccount: bank || null, appointment,
    },
  };
}

/**
 * The optional post columns, by the appointments API's rules for one row: body and role together,
 * the role belonging to the body, a real start date not before the hire date. Rules across rows and
 * against the register (one head per body, one primary per worker) are checked by the service.
 */
function validateAppointment(cells: Record<ColumnKey, string>, hireDate: string | null, fail: (f: ColumnKey, code: string, reason: string) => void): ImportAppointment | null {
  const given = cells.bodyKind || cells.role || cells.primary || cells.appointmentFrom;
  if (!given) return null;
  if (!cells.bodyKind) fail('bodyKind', 'APPOINTMENT_INCOMPLETE', '填写职务时必须填写任职机构');
  if (!cells.role) fail('role', 'APPOINTMENT_INCOMPLETE', '填写任职机构时必须填写职务');
  const bodyKind = cells.bodyKind ? BODY(cells.bodyKind) : undefined;
  if (cells.bodyKind && !bodyKind) fail('bodyKind', 'UNKNOWN_CODE', `must be one of ${Object.values(BODY_LABELS).join('/')}`);
  const role = cells.role ? ROLE(cells.role) : undefined;
  if (cells.role && !role) fail('role', 'UNKNOWN_CODE', `must be one of ${Object.values(ROLE_LABELS).join('/')}`);
  if (bodyKind && role && !ROLES_BY_BODY[bodyKind].includes(role)) {
    fail('role', 'ROLE_NOT_IN_BODY', `${BODY_LABELS[bodyKind]}的职务只能是${ROLES_BY_BODY[bodyKind].map((r) => ROLE_LABELS[r]).join('/')}`);
  }
  const primary = YES_NO(cells.primary);
  if (!primary) fail('primary', 'UNKNOWN_CODE', 'must be 是 or 否');
  const from = cells.appointmentFrom ? normaliseDate(cells.appointmentFrom) : hireDate;
  if (cells.appointmentFrom && !from) fail('appointmentFrom', 'DATE_FORMAT', 'must be a real date like 2015-07-01');
  if (from && hireDate && from < hireDate) fail('appointmentFrom', 'APPOINTMENT_BEFORE_HIRE', 'must not be before the hire date');
  if (!bodyKind || !role || !primary || !from || !ROLES_BY_BODY[bodyKind].includes(role)) return null;
  return { bodyKind, role, band: bandOfRole(role), primary: primary === 'Y', from };
}

export function csvLine(values: Array<string | number | null>): string {
  return values.map((v) => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }).join(',');
}
