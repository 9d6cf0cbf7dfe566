import { CLASS_POSTING_STATUSES, type TrainingPostingView } from '@cws/workers-contracts';
import { useQuery } from '@tanstack/react-query';
import { Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/context';
import type { TrainingClass } from '../../api/workers';
import { useAuth } from '../../auth/AuthProvider';
import { canSee } from '../../auth/access';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { useEnumOptions } from '../../i18n/useEnumOptions';
import { moneyColumn } from '../../layout/columns';
import { QueryTable } from '../../layout/QueryTable';
import { dateTime } from '../../lib/format';

/** Who sees the tab: the roles `GET /training/postings` answers. */
export const TRAINING_POSTING_ROLES = ['CITY_ADMIN', 'DISTRICT_HR', 'FINANCE', 'AUDITOR'] as const;
type Status = TrainingPostingView['status'];
const STATUS_COLOR: Record<Status, string> = { PENDING: 'gold', SENT: 'green', UNROUTED: 'red' };

/**
 * 费用记账: what each class with a cost sent to the budget — waiting in the outbox (待发送), relayed (已发送) or a
 * legacy row the budget cannot route (无法入账: no community to charge) — and, for the roles that see the budget, a
 * link to the postings it became there (by exactly its source reference: a prefix would take class 3 for 30…).
 */
export function TrainingPostings({ classes, communityName }: { classes: readonly TrainingClass[] | undefined; communityName: (code: string | null) => string }) {
  const { t } = useI18n();
  const api = useApi();
  const options = useEnumOptions();
  const { me } = useAuth();
  const [status, setStatus] = useState<Status | undefined>();
  const postings = useQuery({
    queryKey: ['training-postings', status],
    queryFn: ({ signal }) => api.get<TrainingPostingView[]>('/api/workers/v1/training/postings', status ? { status } : {}, signal),
  });
  const titleOf = (id: number) => classes?.find((k) => k.id === id)?.title ?? `#${id}`;
  const seesBudget = canSee(me?.roles, 'budget');
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Select<Status>
          allowClear
          placeholder={t('training.postings.status')}
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={options(CLASS_POSTING_STATUSES, 'training.postings.status')}
          data-testid="training-postings-status"
        />
      </Space>
      <QueryTable<TrainingPostingView>
        query={postings}
        empty={t('training.postings.none')}
        data-testid="training-postings"
        columns={[
          { title: t('workers.class'), dataIndex: 'classId', render: (id: number) => titleOf(id) },
          moneyColumn<TrainingPostingView>(t('training.cost'), 'amount'),
          { title: t('benchmark.year'), dataIndex: 'fiscalYear', render: (y: number | null) => y ?? '-' },
          { title: t('training.chargeCommunity'), dataIndex: 'communityCode', render: (c: string | null) => communityName(c) },
          { title: t('training.postings.status'), dataIndex: 'status', render: (s: Status) => <Tag color={STATUS_COLOR[s]}>{t(`training.postings.status.${s}` as MessageKey)}</Tag> },
          { title: t('training.postings.sentAt'), dataIndex: 'sentAt', render: (v: string | null) => (v ? dateTime(v) : '-') },
          ...(seesBudget
            ? [
                {
                  title: t('training.postings.inBudget'),
                  key: 'budget',
                  render: (_: unknown, p: TrainingPostingView) =>
                    p.status === 'SENT' && p.sourceRef ? (
                      <Link to={`/budget/postings?sourceRef=${encodeURIComponent(p.sourceRef)}&fiscalYear=${p.fiscalYear ?? ''}`} data-testid={`training-posting-budget-${p.id}`}>
                        {p.sourceRef}
                      </Link>
                    ) : (
                      '-'
                    ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
