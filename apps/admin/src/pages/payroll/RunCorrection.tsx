import type { PayslipListItem, RunView } from '@cws/payroll-contracts';
import { Form, Select, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useApi } from '../../api/context';
import { P } from '../../api/payroll';
import type { Me } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { FormModal, useFormDialog, useRequired } from '../../layout/FormModal';

/**
 * The scope a correction of `run` is created for: the run's own when the caller sees all of it, else the caller's
 * (the API's default; a district HR correcting a city run corrects their district's slips).
 */
export function correctionScope(run: Pick<RunView, 'scope'>, me: Pick<Me, 'scope'> | null): string | undefined {
  if (!run.scope || !me) return undefined;
  const own = me.scope.street ?? me.scope.district;
  return !own || run.scope.startsWith(own) ? run.scope : undefined;
}

/**
 * 冲正重发: a CORRECTION run of a settled REGULAR run, naming the workers whose slips are reversed and re-issued
 * (`POST /runs { type: CORRECTION, correctsRunId, workerIds }`); it opens once created, computing. `show(workerIds?)`
 * opens the dialog, with those workers chosen (a slip's drawer passes its worker).
 */
export function useRunCorrection(run: RunView | undefined, me: Me | null) {
  const api = useApi();
  const navigate = useNavigate();
  const dialog = useFormDialog<{ workerIds: number[] }, RunView, { workerIds: number[] }>(
    (v) => {
      const scope = correctionScope(run!, me);
      return api.post<RunView>(`${P}/runs`, { period: run!.period, type: 'CORRECTION', correctsRunId: run!.id, workerIds: v.workerIds, ...(scope ? { scope } : {}) });
    },
    { invalidate: [['payroll-runs']], onDone: (r) => navigate(`/payroll/runs/${r.id}`) },
  );
  return { ...dialog, show: (workerIds: number[] = []) => dialog.show({ workerIds }) };
}

/** The dialog: the run's computed slips to choose from, by name and ID, searchable. */
export function RunCorrectionDialog({ correction, slips }: { correction: ReturnType<typeof useRunCorrection>; slips: PayslipListItem[] | undefined }) {
  const { t } = useI18n();
  const required = useRequired();
  const options = (slips ?? [])
    .filter((s) => s.status === 'COMPUTED')
    .map((s) => ({ value: s.workerId, label: `${s.name}（${s.workerId}）` }));
  return (
    <FormModal
      {...correction.modal}
      title={t('runCorrection.title')}
      okText={t('runCorrection.create')}
      initialValues={correction.subject ?? undefined}
      testId="run-correction-form"
    >
      <Typography.Paragraph type="secondary">{t('runCorrection.intro')}</Typography.Paragraph>
      <Form.Item name="workerIds" label={t('runCorrection.workers')} rules={required} extra={t('runCorrection.workersHint')}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={options} data-testid="run-correction-workers" />
      </Form.Item>
    </FormModal>
  );
}
