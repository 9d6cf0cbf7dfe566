import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { GradeRow, WorkerDetail } from '../../../api/types';
import { en } from '../../../i18n/en';
import { zhCN } from '../../../i18n/zh-CN';
import { found, renderApp, renderPageAs, scriptedFetch, textOf, waitFor, xihuHr } from '../../../test-utils';
import { WorkerDetailPage } from '../WorkerDetailPage';
import { GradesTab, supersededGrades } from './GradesTab';

const row = (r: Partial<GradeRow> & Pick<GradeRow, 'id' | 'from' | 'grade' | 'cause'>): GradeRow => ({
  workerId: 7, band: 'OTHER', anchorDate: r.from, derived: false, eventId: null, policyRefs: null, note: null, ...r,
});
/** Hired 2015 and registered late (steps recorded at hire); then a grade change back-dated to 2022 re-derived the steps after it. As the API lists them: date, then id, newest first. */
const history: GradeRow[] = [
  row({ id: 9, from: '2025-01-01', grade: 8, cause: 'ANNUAL_PROGRESSION', anchorDate: '2025-01-01', note: '因 2022-01-01 的等级调整重新推算' }),
  row({ id: 8, from: '2024-07-01', grade: 7, cause: 'ANNUAL_PROGRESSION', anchorDate: '2022-01-01', note: '因 2022-01-01 的等级调整重新推算' }),
  row({ id: 4, from: '2024-07-01', grade: 6, cause: 'ANNUAL_PROGRESSION', note: '登记前已到期的晋级' }),
  row({ id: 7, from: '2022-01-01', grade: 7, cause: 'GRADE_CHANGE', eventId: 31, note: '年度考核优秀' }),
  row({ id: 1, from: '2015-07-01', grade: 3, cause: 'ENTRY' }),
];
const worker = { id: 7, grades: history } as WorkerDetail;

describe('supersededGrades', () => {
  it('names the rows a later row of the same date replaces, in any order', () => {
    expect([...supersededGrades(history)]).toEqual([4]);
    expect([...supersededGrades([...history].reverse())]).toEqual([4]);
    const thrice = [row({ id: 2, from: '2024-01-01', grade: 4, cause: 'ANNUAL_PROGRESSION' }), row({ id: 5, from: '2024-01-01', grade: 5, cause: 'ANNUAL_PROGRESSION' }), row({ id: 3, from: '2024-01-01', grade: 6, cause: 'ANNUAL_PROGRESSION' })];
    expect([...supersededGrades(thrice)].sort()).toEqual([2, 3]);
    expect(supersededGrades([]).size).toBe(0);
  });
});

describe('GradesTab', () => {
  it('lists the grade rows newest first with their causes; the step a back-dated change replaced is tagged 已更正', async () => {
    renderApp(<GradesTab worker={worker} />, { fetch: scriptedFetch({}).fetch, locale: 'zh-CN' });
    await found('[data-testid="grades"] tbody tr');
    const rows = [...document.querySelectorAll('[data-testid="grades"] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ['2025-01-01', '8 级（其他）', '年度晋级', '2025-01-01'],
      ['2024-07-01', '7 级（其他）', '年度晋级', '2022-01-01'],
      ['2024-07-01', '6 级（其他）已更正', '年度晋级', '2024-07-01'],
      ['2022-01-01', '7 级（其他）', '等级调整', '2022-01-01'],
      ['2015-07-01', '3 级（其他）', '入职定级', '2015-07-01'],
    ]);
    expect(document.querySelectorAll('[data-testid^="grade-superseded-"]')).toHaveLength(1);
    expect(document.querySelector('[data-testid="grade-superseded-4"]')?.getAttribute('title')).toBe(zhCN['workers.gradeSupersededHint']);
    expect(rows[3][4]).toBe('年度考核优秀');
  });

  it('reads in English, and tags a backfilled row Derived', async () => {
    const derived = { id: 7, grades: [row({ id: 2, from: '2014-06-01', grade: 4, cause: 'DERIVED', derived: true, band: 'DEPUTY' })] } as WorkerDetail;
    renderApp(<GradesTab worker={derived} />, { fetch: scriptedFetch({}).fetch, locale: 'en' });
    const cell = await found('[data-testid="grades"] tbody tr td:nth-child(2)');
    expect(cell.textContent).toBe(`grade 4 (${en['enum.post.DEPUTY']})${en['workers.gradeDerived']}`);
    expect(textOf('grades')).toContain(en['enum.gradeCause.DERIVED']);
  });
});

describe('the worker detail', () => {
  const detail = {
    id: 7, name: '周敏', sex: 'F', birthYear: 1990, residentIdMasked: '330106********1234', bankAccountMasked: null, phone: null,
    communityCode: '330106001001', streetCode: '330106001', districtCode: '330106', status: 'ACTIVE', employmentType: 'FULL_TIME',
    education: 'BACHELOR', politicalStatus: null, qualificationLevel: null, qualificationCert: null, hireDate: '2015-07-01', leftDate: null, leftReason: null,
    grade: 8, gradeBand: 'OTHER', gradeDerived: false, gradeSince: '2025-01-01', grades: history, appointments: [], training: [], secondments: [], events: [],
  };
  const page = (over: Record<string, unknown>) =>
    renderPageAs(xihuHr, <Routes><Route path="/workers/:id" element={<WorkerDetailPage />} /></Routes>, { 'GET /api/workers/v1/workers/7': () => ({ ...detail, ...over }) }, '/workers/7');

  it('shows today\'s grade, its band and since when', async () => {
    page({});
    await waitFor(() => expect(textOf('worker-grade')).toBe(`grade 8 (${en['enum.post.OTHER']}) · since 2025-01-01`));
  });

  it('marks a derived grade, and shows a dash before any grade is recorded', async () => {
    const { unmount } = page({ gradeDerived: true, grade: 6, gradeBand: 'DEPUTY', gradeSince: '2023-06-01' });
    await waitFor(() => expect(textOf('worker-identity')).toContain(`grade 6 (${en['enum.post.DEPUTY']}) · since 2023-06-01${en['workers.gradeDerived']}`));
    unmount();
    page({ grade: null, gradeBand: null, gradeSince: null, grades: [] });
    await waitFor(() => expect(textOf('worker-grade')).toBe('-'));
  });
});
