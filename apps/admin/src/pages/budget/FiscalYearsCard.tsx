import { PlusOutlined } from '@ant-design/icons';
import type { FiscalYearView } from '@cws/budget-contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, InputNumber, Tag } from 'antd';
import { B } from '../../api/budget';
import { useApi } from '../../api/context';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { ConfirmButton } from '../../layout/ConfirmButton';
import { FormModal, useFormDialog, useRequired } from '../../layout/FormModal';
import { SectionCard } from '../../layout/PageCard';
import { QueryTable } from '../../layout/QueryTable';
import { dateTime } from '../../lib/format';

const YEARS_KEY = ['budget-fiscal-years'];

/**
 * 财政年度: the years the ledger books into (`GET /fiscal-years`). A budget writer of the city opens the next one
 * (新增预算 of a year not opened answers FISCAL_YEAR_NOT_FOUND) and closes a year after confirming what that means:
 * nothing more is booked into it, and a cost posting arriving for it is parked. `mayWrite`: city scope and a budget
 * writer (the service's CanPost and city-only check).
 */
export function FiscalYearsCard({ mayWrite }: { mayWrite: boolean }) {
  const { t } = useI18n();
  const api = useApi();
  const required = useRequired();
  const years = useQuery({ queryKey: YEARS_KEY, queryFn: ({ signal }) => api.get<FiscalYearView[]>(`${B}/fiscal-years`, undefined, signal) });
  const sorted = [...(years.data ?? [])].sort((a, b) => b.year - a.year);
  const next = (sorted[0]?.year ?? new Date().getFullYear() - 1) + 1;
  const open = useFormDialog((v: { year: number }) => api.post<FiscalYearView>(`${B}/fiscal-years`, { year: v.year }), { invalidate: [YEARS_KEY], success: t('common.saved') });
  const close = useAction((year: number) => api.post<FiscalYearView>(`${B}/fiscal-years/${year}/close`, {}), { invalidate: [YEARS_KEY], success: t('common.saved') });
  return (
    <SectionCard
      title={t('fiscal.title')}
      testId="fiscal-years"
      tools={
        mayWrite && (
          <Button icon={<PlusOutlined />} onClick={() => open.show()} data-testid="fiscal-open">
            {t('fiscal.open')}
          </Button>
        )
      }
    >
      <QueryTable<FiscalYearView>
        query={years}
        rows={sorted}
        rowKey="year"
        pagination={false}
        columns={[
          { title: t('fiscal.year'), dataIndex: 'year' },
          { title: t('fiscal.status'), dataIndex: 'status', render: (s: FiscalYearView['status']) => <Tag color={s === 'OPEN' ? 'green' : 'default'}>{t(`fiscal.status.${s}`)}</Tag> },
          { title: t('fiscal.openedAt'), dataIndex: 'openedAt', render: (at: string) => dateTime(at) },
          { title: t('fiscal.closedAt'), key: 'closed', render: (_: unknown, y) => (y.closedAt ? `${dateTime(y.closedAt)}（${y.closedBy ?? ''}）` : '-') },
          ...(mayWrite
            ? [{
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, y: FiscalYearView) =>
                  y.status === 'OPEN' && (
                    <ConfirmButton danger size="small" title={t('fiscal.closeConfirm', { year: y.year })} onConfirm={() => close.mutate(y.year)} loading={close.isPending} testId={`fiscal-close-${y.year}`}>
                      {t('fiscal.close')}
                    </ConfirmButton>
                  ),
              }]
            : []),
        ]}
      />
      <FormModal {...open.modal} title={t('fiscal.open')} initialValues={{ year: next }} testId="fiscal-open-form">
        <Form.Item name="year" label={t('fiscal.year')} rules={required} extra={t('fiscal.openHint')}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </FormModal>
    </SectionCard>
  );
}
