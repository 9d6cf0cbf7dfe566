/**
 * A roster version as a workbook (GET /rosters/{id}/roster.xlsx): the 排班表 a centre posts on its wall and HR files.
 * Sheet 排班表 a row per worker of the month — name, id, each day's shift code, then shifts, hours worked and the
 * overtime by rate (hours, one decimal) — under a title naming the centre, month, version and status; sheet 班次 the
 * centre's shift templates (code, start, end, break, paid hours); sheet 缺口 the ranges left uncovered and why.
 * Text from the register reaches the cells through neutraliseFormula.
 */
import { loadExcel } from '@cws/platform';
import { neutraliseFormula } from '@cws/kernel';
import type { RosterStatus } from '@cws/scheduler-contracts';
import { monthDates, toMinutes, weekday } from '@cws/scheduler-solver';
import type { RosterRow } from './roster.repository';

const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六'];
const STATUS: Record<RosterStatus, string> = { QUEUED: '排队中', DRAFT: '草稿', PUBLISHED: '已发布', SUPERSEDED: '已被替代', FAILED: '失败' };
const TOTALS = ['班次数 shifts', '工时 hours', '加班150% overtime', '休息日加班200%', '节假日加班300%'];

/** Minutes as hours to one decimal (a roster's minutes are whole half-hours or more). */
const hours = (minutes: number): number => Math.round(minutes / 6) / 10;

/** The day's header: its number, weekday, and 节 on a statutory holiday. */
function dayHeader(date: string, holiday: boolean): string {
  return `${Number(date.slice(8))}日\n周${WEEKDAY[weekday(date)]}${holiday ? '·节' : ''}`;
}

export async function rosterWorkbook(r: RosterRow, communityName: string, nameOf: (workerId: number) => string): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  const dates = monthDates(r.month);
  const holidays = new Set((r.problem?.days ?? []).filter((d) => d.type === 'HOLIDAY').map((d) => d.date));
  const ws = wb.addWorksheet('排班表', {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }],
  });
  ws.columns = [{ width: 12 }, { width: 9 }, ...dates.map(() => ({ width: 7 })), ...TOTALS.map(() => ({ width: 10 }))];
  ws.mergeCells(1, 1, 1, 2 + dates.length + TOTALS.length);
  ws.getCell(1, 1).value = `${neutraliseFormula(communityName)} ${r.month} 排班表（第 ${r.version} 版，${STATUS[r.status]}）`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  const header = ws.getRow(2);
  header.values = ['姓名 name', '编号 id', ...dates.map((d) => dayHeader(d, holidays.has(d))), ...TOTALS];
  header.font = { bold: true };
  header.alignment = { wrapText: true, horizontal: 'center', vertical: 'middle' };
  header.height = 32;

  const shifts = new Map<number, Map<string, string>>();
  for (const a of r.assignments ?? []) {
    if (!shifts.has(a.workerId)) shifts.set(a.workerId, new Map());
    shifts.get(a.workerId)!.set(a.date, a.shift);
  }
  const hoursOf = new Map((r.hours ?? []).map((h) => [h.workerId, h]));
  // everyone the month was planned for (one on leave all month too), then anyone rostered the problem does not list
  const ids = [...new Set([...(r.problem?.workers ?? []).map((w) => w.id), ...shifts.keys()])];
  for (const id of ids) {
    const h = hoursOf.get(id);
    const mine = shifts.get(id);
    const row = ws.addRow([
      neutraliseFormula(nameOf(id)), id, ...dates.map((d) => mine?.get(d) ?? ''),
      h?.shifts.total ?? mine?.size ?? 0, hours(h?.workedMinutes ?? 0),
      hours(h?.overtimeMinutes.workday150 ?? 0), hours(h?.overtimeMinutes.restDay200 ?? 0), hours(h?.overtimeMinutes.holiday300 ?? 0),
    ]);
    row.alignment = { horizontal: 'center' };
    row.getCell(1).alignment = { horizontal: 'left' };
  }

  const templates = wb.addWorksheet('班次');
  templates.columns = [
    { header: '班次 code', key: 'code', width: 12 }, { header: '开始 start', key: 'start', width: 10 }, { header: '结束 end', key: 'end', width: 10 },
    { header: '休息（分钟）break', key: 'breakMinutes', width: 16 }, { header: '计薪工时 paid hours', key: 'paid', width: 16 },
  ];
  templates.getRow(1).font = { bold: true };
  for (const t of r.problem?.centre.templates ?? []) {
    templates.addRow({ code: t.code, start: t.start, end: t.end, breakMinutes: t.breakMinutes, paid: hours(toMinutes(t.end) - toMinutes(t.start) - t.breakMinutes) });
  }

  const gaps = wb.addWorksheet('缺口');
  gaps.columns = [
    { header: '日期 date', key: 'date', width: 12 }, { header: '从 from', key: 'from', width: 8 }, { header: '到 to', key: 'to', width: 8 },
    { header: '缺少人数 missing', key: 'missing', width: 14 }, { header: '岗位 role', key: 'role', width: 10 }, { header: '原因 rule', key: 'rule', width: 24 },
  ];
  gaps.getRow(1).font = { bold: true };
  for (const u of r.uncovered ?? []) gaps.addRow({ date: u.date, from: u.from, to: u.to, missing: u.missing, role: u.role ?? '', rule: u.rule });

  return Buffer.from(await wb.xlsx.writeBuffer());
}
