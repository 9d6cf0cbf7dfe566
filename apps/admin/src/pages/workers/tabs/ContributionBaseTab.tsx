import type { DeclaredContributionBaseView } from '@cws/payroll-contracts';
import { Form, Input, Typography } from 'antd';
import { ApiError } from '../../../api/errors';
import { useDeclaredBases, useDeclaredBaseWrites } from '../../../api/payroll';
import type { WorkerDetail } from '../../../api/types';
import { useAction } from '../../../api/useAction';
import { useI18n } from '../../../i18n/I18nProvider';
import { actionsColumn, moneyColumn, noteColumn } from '../../../layout/columns';
import { ConfirmButton } from '../../../layout/ConfirmButton';
import { FormModal, MonthItem, thisMonth, useAmountRules, useFormDialog } from '../../../layout/FormModal';
import { PagedTable } from '../../../layout/PagedTable';
import { dateTime, moneyString, thousands } from '../../../lib/format';
import { useEditable } from '../openToEdits';
import { TabAction } from './TabAction';

type Values = { validFrom: string; base: string; housingFundBase?: string; note?: string };

/**
 * The dialog sends a one-item declaration, so `items[0].<field>` is the dialog's own field. "Not employed in
 * your scope" is judged on the month's last day, so it belongs on the month (the worker cannot be changed here).
 */
function onDialogFields(err: unknown): never {
  if (!(err instanceof ApiError)) throw err;
  const details = err.details.map((d) => ({ ...d, path: d.path === 'items[0].workerId' ? 'validFrom' : d.path.replace(/^items\[0\]\./, '') }));
  throw new ApiError(err.status, err.code, err.message, details, err.retryAfter, err.body);
}

/**
 * 缴费基数: the bases HR declared for this worker (the bureau's figure, or last year's wages at go-live).
 * One holds from its month to the end of that contribution year and wins over the base payroll computes
 * from the wages. Writes are gated like the other tabs (useEditable); the service checks the scope.
 */
export function ContributionBaseTab({ worker }: { worker: WorkerDetail }) {
  const { t } = useI18n();
  const bases = useDeclaredBases(worker.id);
  const writes = useDeclaredBaseWrites();
  const amountRules = useAmountRules();
  // the housing-fund base is optional: the same amount checks without "required"
  const optionalAmount = useAmountRules({ required: false });
  const writable = useEditable(worker);
  const invalidate = [['contribution-bases', worker.id]];
  const declare = useFormDialog(
    (v: Values) =>
      writes
        .declare({
          validFrom: v.validFrom,
          items: [
            {
              workerId: worker.id,
              base: moneyString(v.base),
              ...(v.housingFundBase ? { housingFundBase: moneyString(v.housingFundBase) } : {}),
              ...(v.note ? { note: v.note } : {}),
            },
          ],
        })
        .catch(onDialogFields),
    { invalidate, success: t('bases.declared') },
  );
  const withdraw = useAction((b: DeclaredContributionBaseView) => writes.withdraw(b.id), { invalidate, success: t('bases.withdrawn') });
  return (
    <>
      <Typography.Paragraph type="secondary" data-testid="bases-how-chosen">
        {t('bases.howChosen')}
      </Typography.Paragraph>
      <TabAction writable={writable} onClick={() => declare.show()} testId="declare-base">
        {t('bases.declare')}
      </TabAction>
      <PagedTable<DeclaredContributionBaseView>
        pages={bases}
        loadMoreTestId="bases-load-more"
        empty={t('bases.none')}
        data-testid="contribution-bases"
        columns={[
          { title: t('bases.validFrom'), dataIndex: 'validFrom' },
          moneyColumn(t('bases.base'), 'base'),
          {
            title: t('bases.housingFundBase'),
            dataIndex: 'housingFundBase',
            align: 'right',
            render: (v: string | null) => (v === null ? t('bases.sameAsBase') : thousands(v)),
          },
          noteColumn(t),
          { title: t('bases.declaredBy'), key: 'by', render: (_, b) => `${b.declaredBy} · ${dateTime(b.declaredAt)}` },
          ...(writable
            ? [
                actionsColumn<DeclaredContributionBaseView>(t, (b) => (
                  <ConfirmButton size="small" danger title={t('bases.withdrawConfirm')} onConfirm={() => withdraw.mutate(b)} testId={`withdraw-base-${b.id}`}>
                    {t('bases.withdraw')}
                  </ConfirmButton>
                )),
              ]
            : []),
        ]}
      />
      <FormModal<Values> {...declare.modal} title={t('bases.declareTitle')} initialValues={{ validFrom: thisMonth() }} testId="base-form">
        <MonthItem name="validFrom" label={t('bases.validFrom')} extra={t('bases.validFromHint')} required />
        <Form.Item name="base" label={t('bases.base')} rules={amountRules}>
          <Input data-testid="base-amount" />
        </Form.Item>
        <Form.Item name="housingFundBase" label={t('bases.housingFundBase')} extra={t('bases.housingFundBaseHint')} rules={optionalAmount}>
          <Input data-testid="base-housing-fund" />
        </Form.Item>
        <Form.Item name="note" label={t('common.note')}>
          <Input maxLength={200} data-testid="base-note" />
        </Form.Item>
      </FormModal>
    </>
  );
}
