import { PlusOutlined } from '@ant-design/icons';
import { addDays } from '@cws/kernel';
import { REQUEST_KINDS, type WorkerRequestView } from '@cws/scheduler-contracts';
import { MAX_REQUEST_DAYS } from '@cws/scheduler-solver';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, Radio, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useApi } from '../../../api/context';
import { S } from '../../../api/rosters';
import type { CentreConfig } from '../../../api/schedulerSetup';
import { useAction } from '../../../api/useAction';
import type { WorkerPage } from '../../../api/workers';
import type { AvailableWorkersView } from '@cws/workers-contracts';
import { useAuth } from '../../../auth/AuthProvider';
import { CENTRE_WRITE_ROLES } from '../../../auth/access';
import { useI18n } from '../../../i18n/I18nProvider';
import { ConfirmButton } from '../../../layout/ConfirmButton';
import { DateItem, FormModal, useFormDialog, useRequired } from '../../../layout/FormModal';
import { SectionCard } from '../../../layout/PageCard';
import { QueryTable } from '../../../layout/QueryTable';

type Kind = (typeof REQUEST_KINDS)[number];
const KIND_COLOR: Record<Kind, string> = { UNAVAILABLE: 'red', OFF: 'blue', SHIFT: 'purple' };

/**
 * 请假与排班意愿: a month's requests of the centre's workers — a day they cannot work (binding) or would rather have off or
 * on a given shift (preferences) — as the next solve (生成 or 重新排班) reads them; recording one, withdrawing one. A
 * roster already solved keeps what it had until it is re-planned. Writers: the roles that plan (the service's CanPlan).
 */
export function WorkerRequests({ community, config }: { community: string; config: CentreConfig }) {
  const { t } = useI18n();
  const api = useApi();
  const required = useRequired();
  const { hasRole } = useAuth();
  const mayWrite = hasRole(...CENTRE_WRITE_ROLES);
  const [month, setMonth] = useState(() => dayjs().add(1, 'month').format('YYYY-MM'));
  const key = ['worker-requests', community, month];
  const requests = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<WorkerRequestView[]>(`${S}/centres/${community}/requests`, { month }, signal) });
  // the centre's workers by name (a few dozen at most): the community's register, and those seconded in (下派) who
  // can be rostered on the shown month's first day — the service takes a request for either, and refuses anyone else
  const workers = useQuery({
    queryKey: ['community-workers', community],
    queryFn: ({ signal }) => api.get<WorkerPage>('/api/workers/v1/workers', { community, status: 'ACTIVE', limit: 200 }, signal),
  });
  const secondedIn = useQuery({
    queryKey: ['community-available', community, month],
    queryFn: ({ signal }) => api.get<AvailableWorkersView>('/api/workers/v1/availability', { community, date: `${month}-01` }, signal),
  });
  const people = [...(workers.data?.items ?? []), ...(secondedIn.data?.workers ?? [])].filter((w, i, all) => all.findIndex((x) => x.id === w.id) === i);
  const nameOf = (id: number) => people.find((w) => w.id === id)?.name ?? String(id);
  // a leave of several days is one call: the service records each day of date…until, all or none
  const add = useFormDialog(
    (v: { workerId: number; date: string; until?: string; kind: Kind; shift?: string; note?: string }) =>
      api.post<WorkerRequestView>(`${S}/centres/${community}/requests`, {
        workerId: v.workerId,
        date: v.date,
        ...(v.until && v.until !== v.date ? { until: v.until } : {}),
        kind: v.kind,
        ...(v.kind === 'SHIFT' ? { shift: v.shift } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      }),
    { invalidate: [key], success: t('common.saved') },
  );
  const untilRules = [
    {
      validator: async (_: unknown, until: string | undefined) => {
        const from = add.modal.form.getFieldValue('date') as string | undefined;
        if (!until || !from) return;
        if (until < from) throw new Error(t('requests.untilBefore'));
        if (until > addDays(from, MAX_REQUEST_DAYS - 1)) throw new Error(t('requests.untilTooFar', { days: MAX_REQUEST_DAYS }));
      },
    },
  ];
  const withdraw = useAction((r: WorkerRequestView) => api.delete(`${S}/centres/${community}/requests/${r.workerId}/${r.date}`), { invalidate: [key], success: t('common.saved') });
  const kind = Form.useWatch('kind', add.modal.form) as Kind | undefined;

  return (
    <SectionCard
      title={t('requests.title')}
      testId="worker-requests"
      tools={
        <>
          <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} data-testid="requests-month" />
          {mayWrite && (
            <Button icon={<PlusOutlined />} onClick={() => add.show()} data-testid="request-add">
              {t('requests.add')}
            </Button>
          )}
        </>
      }
    >
      <Alert type="info" showIcon title={t('requests.hint')} style={{ marginBottom: 12 }} />
      <QueryTable<WorkerRequestView>
        query={requests}
        rowKey={(r) => `${r.date}|${r.workerId}`}
        pagination={false}
        columns={[
          { title: t('requests.date'), dataIndex: 'date' },
          { title: t('requests.worker'), dataIndex: 'workerId', render: (id: number) => `${nameOf(id)}（${id}）` },
          {
            title: t('requests.kind'),
            dataIndex: 'kind',
            render: (k: Kind, r) => <Tag color={KIND_COLOR[k]}>{t(`requests.kind.${k}`)}{r.shift ? ` · ${r.shift}` : ''}</Tag>,
          },
          { title: t('common.note'), dataIndex: 'note', render: (n?: string) => n ?? '-' },
          { title: t('requests.by'), dataIndex: 'createdBy', render: (b?: string) => b ?? '-' },
          ...(mayWrite
            ? [{
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, r: WorkerRequestView) => (
                  <ConfirmButton size="small" title={t('requests.withdrawConfirm')} onConfirm={() => withdraw.mutate(r)} testId={`request-withdraw-${r.workerId}-${r.date}`}>
                    {t('requests.withdraw')}
                  </ConfirmButton>
                ),
              }]
            : []),
        ]}
      />
      <FormModal {...add.modal} title={t('requests.add')} initialValues={{ kind: 'UNAVAILABLE', date: `${month}-01` }} testId="request-form">
        <Form.Item name="workerId" label={t('requests.worker')} rules={required}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={people.map((w) => ({ value: w.id, label: `${w.name}（${w.id}）` }))} />
        </Form.Item>
        <DateItem name="date" label={t('requests.date')} required />
        <DateItem name="until" label={t('requests.until')} rules={untilRules} extra={t('requests.untilHint')} />
        <Form.Item name="kind" label={t('requests.kind')} rules={required} extra={t('requests.kindHint')}>
          <Radio.Group options={REQUEST_KINDS.map((k) => ({ value: k, label: t(`requests.kind.${k}`) }))} />
        </Form.Item>
        {kind === 'SHIFT' && (
          <Form.Item name="shift" label={t('requests.shift')} rules={required}>
            <Select options={config.templates.map((s) => ({ value: s.code, label: `${s.code}（${s.start}–${s.end}）` }))} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('common.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
    </SectionCard>
  );
}
