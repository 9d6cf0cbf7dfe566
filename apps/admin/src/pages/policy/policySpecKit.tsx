// Fixtures and helpers shared by the policy page's specs (not a spec itself).
import type { PolicyRowView } from '../../api/policy';
import type { Me } from '../../api/types';
import { found, json, renderPageAs, typeDateInto, type Route, type scriptedFetch } from '../../test-utils';
import { PolicyPage } from './PolicyPage';

export const P = '/api/payroll/v1/policy';
export const admin: Me = { kind: 'user', id: 'u-city', name: 'city-admin', roles: ['CITY_ADMIN'], scope: { level: 'CITY' }, permissions: [] };
export const finance: Me = { ...admin, id: 'u-fin', name: 'finance', roles: ['FINANCE'] };

export const row = (id: string, kind: PolicyRowView['kind'], key: string, data: Record<string, unknown>, over: Partial<PolicyRowView> = {}): PolicyRowView => ({
  id, kind, key, validFrom: '2026-01-01', validTo: null, sourceRef: 'illustrative demo', data, supersededBy: null, createdBy: 'seed', createdAt: '2026-01-01T00:00:00.000Z', ...over,
});

/** The routes of the policy API over `rows`: the list answers as the service does (open rows by default, in force on asOf, or all with history), a row with its ETag. */
export function policyRoutes(me: Me, rows: PolicyRowView[], extra: Record<string, Route> = {}): Record<string, Route> {
  const list: Route = (url) => {
    const kind = url.searchParams.get('kind');
    const asOf = url.searchParams.get('asOf');
    return rows
      .filter((r) => !kind || r.kind === kind)
      .filter((r) => (asOf ? r.validFrom <= asOf && (r.validTo === null || r.validTo >= asOf) : url.searchParams.get('history') === 'true' || r.validTo === null));
  };
  return {
    'GET /api/workers/v1/auth/me': () => me,
    [`GET ${P}/rows`]: list,
    [`GET ${P}/effective`]: (url) => effectivePolicy(Number(url.searchParams.get('year'))),
    ...Object.fromEntries(rows.map((r) => [`GET ${P}/rows/${r.id}`, () => json(200, r, { etag: `"e-${r.id}"` })])),
    ...extra,
  };
}

/** A complete policy for `year` as `GET /policy/effective` answers it (the parts the page shows). */
export const effectivePolicy = (year: number) => ({
  payScale: { unitValueFen: '1812.50' },
  cityWages: [{ year: year - 2, annualFen: '159200.00' }, { year: year - 1, annualFen: '167177.00' }],
  insurance: [{ code: 'PENSION' }, { code: 'MEDICAL' }, { code: 'HOUSING_FUND' }],
  illustrative: true,
});

export const renderPolicyPage = (me: Me, rows: PolicyRowView[], extra?: Record<string, Route>) => renderPageAs(me, <PolicyPage />, policyRoutes(me, rows, extra));

const FORMS = ['policy-version-form', 'policy-close-form', 'policy-add-form'];

/** The input of the form field with this id (antd: the name path joined by "_"), in whichever policy dialog is open. */
export const field = (id: string) => found(FORMS.map((f) => `[data-testid="${f}"] #${id}`).join(', '));

/** Types a date into an antd DatePicker and confirms it with Enter. */
export const typeDate = async (id: string, date: string) => typeDateInto(await field(id), date);

/** The text of a dialog's form (its fields, their errors and warnings). */
export const formText = (testId: string) => document.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '';

/** The errors and warnings shown under the field whose input has this id. */
export const fieldMessage = (id: string) => document.getElementById(id)?.closest('.ant-form-item')?.querySelector('.ant-form-item-explain')?.textContent ?? '';

/** The POSTs to `path`: body and the precondition headers. */
export const posts = (calls: ReturnType<typeof scriptedFetch>['calls'], path: string) =>
  calls
    .filter((c) => c.init.method === 'POST' && c.url.pathname === path)
    .map((c) => {
      const headers = (c.init.headers ?? {}) as Record<string, string>;
      return { body: JSON.parse(String(c.init.body)), ifMatch: headers['If-Match'], ifNoneMatch: headers['If-None-Match'] };
    });
