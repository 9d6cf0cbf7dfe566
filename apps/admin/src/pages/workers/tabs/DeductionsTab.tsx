import { SPECIAL_DEDUCTION_MONTHLY_CAP, SPECIAL_DEDUCTION_TYPES, type SpecialDeductionType, type SpecialDeductionView } from '@cws/workers-contracts';
import { Button, Form, Input, Select, Space, Typography } from 'antd';
import type { WorkerDetail } from '../../../api/types';
import { useAction } from '../../../api/useAction';
import { useSpecialDeductions, useWorkerWrites } from '../../../api/workers';
import { useI18n, type MessageKey } from '../../../i18n/I18nProvider';
import { useEnumOptions } from '../../../i18n/useEnumOptions';
import { actionsColumn, moneyColumn, noteColumn } from '../../../layout/columns';
import { ConfirmButton } from '../../../layout/ConfirmButton';
import { FormModal, MonthItem, thisMonth, useAmountRules, useFormDialog, useRequired } from '../../../layout/FormModal';
import { QueryTable } from '../../../layout/QueryTable';
import { dateTime, moneyString, thousands } from '../../../lib/format';
import { useEditable } from '../openToEdits';
import { TaxYearFlags } from './TaxYearFlags';

type Values = { type: SpecialDeductionType; monthlyAmount: string; fromMonth: string; toMonth?: string; note?: string };

/**
 * 专项附加扣除: what the worker declared for income-tax withholding, and this year's sum payroll
 * subtracts. HR records a declaration, ends one (the child finished school, the loan is repaid) or
 * withdraws one recorded in error; the service checks the caps and which may stand together. Above
 * them, this year's withholding flags (TaxYearFlags).
 */
export function DeductionsTab({ worker }: { worker: WorkerDetail }) {
  const { t } = useI18n();
  const deductions = useSpecialDeductions(worker.id);
  const writes = useWorkerWrites();
  const options = useEnumOptions();
  const required = useRequired();
  const amountRules = useAmountRules();
  const invalidate = [['special-deductions', worker.id]];
  const add = useFormDialog(
    (v: Values) =>
      writes.addDeduction(worker.id, {
        type: v.type,
        monthlyAmount: moneyString(v.monthlyAmount),
        fromMonth: v.fromMonth,
        ...(v.toMonth ? { toMonth: v.toMonth } : {}),
        ...(v.note ? { note: v.note } : {}),
      }),
    { invalidate, success: t('common.saved') },
  );
  const end = useFormDialog((v: { toMonth: string }, d: SpecialDeductionView) => writes.endDeduction(d.id, { toMonth: v.toMonth }), { invalidate, success: t('common.saved') });
  const withdraw = useAction((d: SpecialDeductionView) => writes.withdrawDeduction(d.id), { invalidate, success: t('deductions.withdrawn') });
  const type = Form.useWatch('type', add.form);
  // the API refuses a worker who has left (WORKER_LEFT), so their declarations are history here too
  const writable = useEditable(worker);
  const month = thisMonth();
  const view = deductions.data;
  return (
    <>
      <TaxYearFlags worker={worker} />
      <Space style={{ marginBottom: 16 }} size="large">
        {writable && (
          <Button type="primary" onClick={() => add.show()} data-testid="add-deduction">
            {t('deductions.add')}
          </Button>
        )}
        {view && (
          <Typography.Text strong data-testid="deductions-ytd">
            {t('deductions.yearToDate', { amount: thousands(view.yearToDate), month: view.asOf.slice(0, 7) })}
          </Typography.Text>
        )}
      </Space>
      <QueryTable<SpecialDeductionView>
        query={deductions}
        rows={view?.items}
        pagination={false}
        data-testid="deductions"
        columns={[
          { title: t('deductions.type'), dataIndex: 'type', render: (v: string) => t(`enum.deduction.${v}` as MessageKey) },
          moneyColumn(t('deductions.monthlyAmount'), 'monthlyAmount'),
          { title: t('deductions.months'), key: 'months', render: (_, d) => `${d.fromMonth} – ${d.toMonth ?? t('common.ongoing')}` },
          noteColumn(t),
          { title: t('deductions.recordedBy'), key: 'by', render: (_, d) => `${d.createdBy} · ${dateTime(d.createdAt)}` },
          ...(writable
            ? [
                actionsColumn<SpecialDeductionView>(t, (d) => (
                  <Space size="small">
                    {/* only one still running past this month has a last month left to set */}
                    {(d.toMonth === null || d.toMonth > month) && (
                      <Button size="small" onClick={() => end.show(d)} data-testid={`end-deduction-${d.id}`}>
                        {t('deductions.end')}
                      </Button>
                    )}
                    <ConfirmButton size="small" danger title={t('deductions.withdrawConfirm')} onConfirm={() => withdraw.mutate(d)} testId={`withdraw-deduction-${d.id}`}>
                      {t('deductions.withdraw')}
                    </ConfirmButton>
                  </Space>
                )),
              ]
            : []),
        ]}
      />
      <FormModal<Values> {...add.modal} title={t('deductions.add')} initialValues={{ fromMonth: month }} testId="deduction-form">
        <Form.Item name="type" label={t('deductions.type')} rules={required}>
          <Select options={options(SPECIAL_DEDUCTION_TYPES, 'enum.deduction')} data-testid="deduction-type" />
        </Form.Item>
        <Form.Item
          name="monthlyAmount"
          label={t('deductions.monthlyAmount')}
          extra={type ? t('deductions.cap', { amount: thousands(SPECIAL_DEDUCTION_MONTHLY_CAP[type]) }) : undefined}
          rules={amountRules}
        >
          <Input data-testid="deduction-amount" />
        </Form.Item>
        <MonthItem name="fromMonth" label={t('deductions.fromMonth')} required />
        <MonthItem name="toMonth" label={t('deductions.toMonth')} extra={t('deductions.toMonthHint')} />
        <Form.Item name="note" label={t('common.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
      <FormModal<{ toMonth: string }> {...end.modal} title={t('deductions.end')} initialValues={{ toMonth: month }} testId="end-deduction-form">
        <MonthItem name="toMonth" label={t('deductions.toMonth')} required />
      </FormModal>
    </>
  );
}
