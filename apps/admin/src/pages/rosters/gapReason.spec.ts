import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../i18n/I18nProvider';
import { coverageOption, gapReason } from './RosterDetailPage';

const zh = (key: MessageKey, vars?: Record<string, string | number>) => translate('zh-CN', key, vars);

describe('why a slot is short, by name', () => {
  it('names the solver’s gap reasons (were shown as codes: MONTHLY_OVERTIME, SOLVER_LIMIT); an unknown code shows as it came', () => {
    expect(gapReason(zh, 'MONTHLY_OVERTIME')).toBe('月加班已达上限');
    expect(gapReason(zh, 'SOLVER_LIMIT')).toBe('求解未找到（不违反规则的排法可能存在）');
    expect(gapReason(zh, 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('the heatmap’s tooltip gives a short slot its reason by name', () => {
    const option = coverageOption([{ date: '2026-12-07', from: '08:00', to: '08:30', need: 3, have: 2, rule: 'LEAVE' }] as never, zh);
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ data: [0, 0, -1, 'LEAVE', 2, 3] })).toBe(`2026-12-07 08:00<br/>${zh('rosters.haveNeed', { have: 2, need: 3 })}<br/>原因：休假`);
  });
});
