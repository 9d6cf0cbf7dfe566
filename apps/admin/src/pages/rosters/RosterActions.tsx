import type { RosterView } from '@cws/scheduler-contracts';
import { Button, Form, Select, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useApi } from '../../api/context';
import { S } from '../../api/rosters';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { ConfirmButton } from '../../layout/ConfirmButton';
import { DateItem, FormModal, useFormDialog, useRequired } from '../../layout/FormModal';

interface Swap {
  date: string;
  workerId: number;
  withWorkerId: number;
}

/**
 * On a published version: 重新排班 (re-plan with today's availability and leave, least change) and
 * 换班 (a swap both workers accepted). Each makes a new version, which opens; its page shows the diff.
 */
export function RosterActions({ roster, workers }: { roster: RosterView; workers: Array<{ workerId: number; name: string }> }) {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const required = useRequired();
  const open = (v: RosterView) => navigate(`/rosters/${v.id}`);
  const replan = useAction(() => api.post<RosterView>(`${S}/rosters/${roster.id}/replan`), { onDone: open });
  const swap = useFormDialog((v: Swap) => api.post<RosterView>(`${S}/rosters/${roster.id}/swaps`, v), { onDone: open });
  const options = workers.map((w) => ({ value: w.workerId, label: w.name }));
  return (
    <Space>
      <ConfirmButton title={t('rosters.replanConfirm')} onConfirm={() => replan.mutate(undefined)} testId="roster-replan" loading={replan.isPending}>
        {t('rosters.replan')}
      </ConfirmButton>
      <Button type="primary" onClick={() => swap.show()} data-testid="roster-swap">{t('rosters.swap')}</Button>
      <FormModal {...swap.modal} title={t('rosters.swap')} initialValues={{ date: `${roster.month}-01` }} testId="swap-form">
        <DateItem name="date" label={t('common.date')} required extra={t('rosters.swapHint')} />
        <Form.Item name="workerId" label={t('rosters.swapWorker')} rules={required}>
          <Select id="swapWorker" showSearch={{ optionFilterProp: 'label' }} options={options} />
        </Form.Item>
        <Form.Item name="withWorkerId" label={t('rosters.swapWith')} rules={required}>
          <Select id="swapWith" showSearch={{ optionFilterProp: 'label' }} options={options} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
