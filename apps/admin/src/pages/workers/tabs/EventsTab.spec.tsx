import { describe, expect, it } from 'vitest';
import type { CareerEventRow, WorkerDetail } from '../../../api/types';
import { en } from '../../../i18n/en';
import { zhCN } from '../../../i18n/zh-CN';
import { found, renderApp, scriptedFetch, textOf } from '../../../test-utils';
import { EventsTab } from './EventsTab';

const event = (e: Partial<CareerEventRow>): CareerEventRow => ({ id: 1, kind: 'HIRE', date: '2024-01-01', note: null, data: null, voided: null, ...e });
/** Election 12 was withdrawn: the PROMOTION its director post wrote stays, marked voided; a later one is in force. */
const voided = event({
  id: 41, kind: 'PROMOTION', date: '2025-06-01', data: { appointmentId: 89, role: 'DIRECTOR', bodyKind: 'COMMITTEE' },
  voided: { electionId: 12, reason: '误登记：当选人填错', at: '2026-03-02T08:15:00.000Z' },
});
const promotion = event({ id: 42, kind: 'PROMOTION', date: '2025-06-01', data: { appointmentId: 90, role: 'DIRECTOR', bodyKind: 'COMMITTEE' } });
const worker = { id: 7, events: [promotion, voided, event({ id: 40 })] } as WorkerDetail;

describe('EventsTab', () => {
  it('a promotion voided by a withdrawn election stays listed, tagged 已撤销 with the election and reason as its title; other events carry no tag', async () => {
    const { fetch } = scriptedFetch({});
    renderApp(<EventsTab worker={worker} />, { fetch, locale: 'zh-CN' });
    const tag = await found('[data-testid="event-voided-41"]');
    expect(tag.textContent).toBe('已撤销');
    expect(tag.getAttribute('title')).toBe(zhCN['workers.eventVoidedHint'].replace('{election}', '12').replace('{reason}', '误登记：当选人填错'));
    expect(document.querySelectorAll('[data-testid^="event-voided-"]')).toHaveLength(1);
  });

  it('a grade change reads as its grade, with the band when one was decided', async () => {
    const graded = { id: 7, events: [event({ id: 50, kind: 'GRADE_CHANGE', data: { grade: 9, band: 'DEPUTY' } }), event({ id: 49, kind: 'GRADE_CHANGE', data: { grade: 5, band: null } })] } as WorkerDetail;
    renderApp(<EventsTab worker={graded} />, { fetch: scriptedFetch({}).fetch, locale: 'zh-CN' });
    await found('[data-testid="events"] tbody tr');
    const details = [...document.querySelectorAll('[data-testid="events"] tbody tr')].map((tr) => tr.querySelectorAll('td')[2].textContent);
    expect(details).toEqual(['9 级（副职）', '5 级']);
  });

  it('reads Voided in English', async () => {
    renderApp(<EventsTab worker={worker} />, { fetch: scriptedFetch({}).fetch, locale: 'en' });
    await found('[data-testid="event-voided-41"]');
    expect(textOf('event-voided-41')).toBe(en['workers.postVoided']);
  });
});
