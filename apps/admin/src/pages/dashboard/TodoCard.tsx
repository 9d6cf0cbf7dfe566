import type { UnmatchedPostingPageView } from '@cws/budget-contracts';
import type { RunView } from '@cws/payroll-contracts';
import { useQuery } from '@tanstack/react-query';
import { Badge, Card, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { B } from '../../api/budget';
import { useApi } from '../../api/context';
import { useRuns } from '../../api/payroll';
import { UNMATCHED_KEY } from '../../api/postings';
import { usePolicyGaps } from '../../api/policy';
import { useRostersToReplan } from '../../api/rosters';
import { useAuth } from '../../auth/AuthProvider';
import { BUDGET_WRITE_ROLES, HR_ROLES, POLICY_WRITE_ROLES } from '../../auth/access';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';

/** The lists are read with one page of 100; more shows as 100+. */
const PAGE = 100;

interface Todo {
  key: string;
  label: MessageKey;
  count: number | undefined;
  more: boolean;
  to: string;
  /** its list could not be read: the line is left out (the list's own page says why) */
  failed: boolean;
}

/**
 * 待办: what waits on the signed-in user, each line a count and a link to the list that holds it — drafts to submit and
 * runs sent back (HR), runs to approve that someone else submitted (four eyes), approved runs not yet paid or scheduled
 * (finance), parked cost postings to place (budget writers). Lines that do not concern the user's roles are not shown.
 * HR also sees the drafts whose frozen inputs name arrears the run cannot carry (a leaver's back-dated raise, say):
 * money owed or overpaid that only a correction of that month settles, so it must not wait for someone to open the run;
 * and the published rosters whose shifts ahead the register now contradicts (a transfer out, a leaver): centres to re-plan.
 * The city administrator sees the policy tables this year's runs miss — and in December next year's, whose unit value
 * January's run needs — before a run fails on them.
 */
export function TodoCard() {
  const { t } = useI18n();
  const api = useApi();
  const { me, hasRole } = useAuth();
  const hr = hasRole(...HR_ROLES);
  const approver = hasRole('CITY_ADMIN', 'FINANCE');
  const payer = hasRole('FINANCE');
  const budget = hasRole(...BUDGET_WRITE_ROLES);
  const drafts = useRuns({ status: 'DRAFT' }, { enabled: hr });
  const submitted = useRuns({ status: 'SUBMITTED' }, { enabled: approver });
  const approved = useRuns({ status: 'APPROVED' }, { enabled: payer });
  const toReplan = useRostersToReplan(hr);
  const policyWriter = hasRole(...POLICY_WRITE_ROLES);
  const policyGaps = usePolicyGaps(policyWriter);
  const parked = useQuery({
    queryKey: [UNMATCHED_KEY, 'todo'],
    enabled: budget,
    queryFn: ({ signal }) => api.get<UnmatchedPostingPageView>(`${B}/unmatched-postings`, { state: 'OPEN', limit: PAGE }, signal),
  });

  type Runs = typeof drafts;
  const line = (key: string, label: MessageKey, q: Runs, pick: (r: RunView) => boolean, status: string): Todo => ({
    key, label, count: q.data?.items.filter(pick).length, more: !!q.data?.nextAfter, to: `/payroll/runs?status=${status}`, failed: q.isError,
  });
  const owes = (r: RunView) => !!r.inputs?.arrearsNotCarried;
  const owing = drafts.data?.items.filter(owes) ?? [];
  const arrears: Todo = {
    ...line('arrears', 'todo.arrearsNotCarried', drafts, owes, 'DRAFT'),
    // one such run: straight to it, where 冻结的计算输入 lists the workers and months
    ...(owing.length === 1 && !drafts.data?.nextAfter ? { to: `/payroll/runs/${owing[0].id}` } : {}),
  };
  const replans = toReplan.data?.items ?? [];
  const replan: Todo = {
    key: 'replan', label: 'todo.replan', count: toReplan.data?.items.length, more: false, failed: toReplan.isError,
    // one such roster: straight to it; more: the rosters page lists them
    to: replans.length === 1 ? `/rosters/${replans[0].rosterId}` : '/rosters',
  };
  const policy: Todo = {
    key: 'policy', label: 'todo.policyIncomplete', count: policyGaps.count, more: false, failed: policyGaps.failed,
    // the policy page opens its year check on the first year with a gap
    to: `/payroll/policy?checkYear=${policyGaps.year}`,
  };
  const todos: Todo[] = [
    ...(hr ? [line('drafts', 'todo.drafts', drafts, (r) => !r.rejection, 'DRAFT'), line('rejected', 'todo.rejected', drafts, (r) => !!r.rejection, 'DRAFT'), arrears, replan] : []),
    // four eyes: a run you submitted is not yours to approve
    ...(approver ? [line('approve', 'todo.approve', submitted, (r) => r.submitted?.by !== me?.name, 'SUBMITTED')] : []),
    ...(payer ? [line('pay', 'todo.pay', approved, (r) => !r.scheduledPayment, 'APPROVED')] : []),
    ...(policyWriter ? [policy] : []),
    ...(budget ? [{ key: 'parked', label: 'todo.parked' as const, count: parked.data?.items.length, more: !!parked.data?.nextAfter, to: '/budget/unmatched', failed: parked.isError }] : []),
  ].filter((x) => !x.failed);
  if (!todos.length) return null;
  const open = todos.filter((x) => x.count !== 0);
  return (
    <Card title={t('todo.title')} size="small" style={{ marginBottom: 16 }} data-testid="todo-card">
      {open.length === 0 ? (
        <Typography.Text type="secondary">{t('todo.none')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={open}
          renderItem={(x) => (
            <List.Item key={x.key} data-testid={`todo-${x.key}`}>
              <Link to={x.to}>{t(x.label)}</Link>
              <Badge count={x.count === undefined ? '…' : x.more ? `${x.count}+` : x.count} showZero color={['approve', 'rejected', 'arrears', 'replan', 'policy'].includes(x.key) ? 'red' : 'blue'} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
