import { describe, expect, it } from 'vitest';
import type { PolicyRowView } from '../../api/policy';
import { translate, type Translate } from '../../i18n/I18nProvider';
import { formatValue, summaryOf } from './policyData';

const t: Translate = (key, vars) => translate('zh-CN', key, vars);
const row = (kind: string, data: Record<string, unknown>) => ({ id: '1', kind, key: kind, validFrom: '2026-01-01', validTo: null, sourceRef: 's', data, supersededBy: null, createdBy: 'seed', createdAt: '2026-01-01T00:00:00.000Z' }) as unknown as PolicyRowView;

describe('policy data on screen: codes by name', () => {
  it('a qualification allowance names its levels as the register does (was: ASSISTANT, SOCIAL_WORKER as they came)', () => {
    const qualification = row('ALLOWANCE', { label: '职业资格津贴', levels: [{ level: 'ASSISTANT', monthly: '200.00' }, { level: 'SOCIAL_WORKER', monthly: '400.00' }] });
    expect(summaryOf(t, qualification)).toBe('职业资格津贴 · 助理社会工作师 200.00 元 / 社会工作师 400.00 元');
  });

  it('a top-up’s level is still the group it is compared within; a band and an education read by name; an unknown code shows as it came', () => {
    expect(formatValue(t, 'level', 'DISTRICT')).toBe('区');
    expect(formatValue(t, 'band', 'DEPUTY')).toBe('副职');
    expect(formatValue(t, 'education', 'SENIOR_HIGH')).toBe('高中');
    expect(formatValue(t, 'level', 'GALAXY')).toBe('GALAXY');
    // an allowance's kind, a special deduction's type and how often it applies
    expect([formatValue(t, 'kind', 'LONG_SERVICE'), formatValue(t, 'type', 'HOUSING_RENT'), formatValue(t, 'per', 'PER_CHILD')]).toEqual(['工龄津贴', '住房租金', '每个子女']);
  });
});
