import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select } from 'antd';
import { APPROPRIATIONS_KEY, useBudgetWrites, useIdempotencyKeys, type NewAppropriation } from '../../api/budget';
import { useI18n } from '../../i18n/I18nProvider';
import { DateItem, EnumItem, FormModal, todayIso, useAmountRules, useFormDialog, useRequired } from '../../layout/FormModal';
import { moneyString } from '../../lib/format';
import { useBudgetNames, useFunders } from './useBudgetNames';

const KINDS = ['ORIGINAL', 'SUPPLEMENTARY'] as const;

/**
 * 新增预算: records an appropriation as a DRAFT (someone else enacts it). The city may fund as the
 * city or any district; a district user only as their own district; a street user funds nothing, so
 * sees no button (the service would answer 404 for the funder).
 */
export function CreateAppropriation({ fiscalYear, stream }: { fiscalYear: number; stream?: string }) {
  const { t } = useI18n();
  const required = useRequired();
  const amountRules = useAmountRules();
  const names = useBudgetNames();
  const writes = useBudgetWrites();
  // one key per opening: a repeated OK in this dialog replays, a new dialog is a new request
  const keys = useIdempotencyKeys();
  const create = useFormDialog(
    (v: NewAppropriation) => writes.createAppropriation({ ...v, amount: moneyString(v.amount), note: v.note || undefined }, keys.keyFor('create')),
    { invalidate: [[APPROPRIATIONS_KEY]], success: t('budgetAlloc.created') },
  );
  const funders = useFunders();
  if (!funders.length) return null;
  const open = () => {
    keys.renew('create');
    create.show();
  };

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={open} data-testid="new-appropriation">
        {t('budgetAlloc.create')}
      </Button>
      <FormModal
        {...create.modal}
        title={t('budgetAlloc.create')}
        initialValues={{ fiscalYear, funder: funders[0], stream, kind: 'ORIGINAL', documentDate: todayIso() }}
        testId="appropriation-form"
      >
        <Form.Item name="fiscalYear" label={t('budget.col.fiscalYear')} rules={required}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="funder" label={t('budget.col.funder')} rules={required}>
          <Select options={funders.map((f) => ({ value: f, label: names.funder(f) }))} data-testid="appropriation-funder" />
        </Form.Item>
        <Form.Item name="stream" label={t('budget.col.stream')} rules={required}>
          <Select options={names.streamOptions} data-testid="appropriation-stream" />
        </Form.Item>
        <EnumItem name="kind" label={t('budgetAlloc.col.kind')} values={KINDS} prefix="budgetAlloc.kind" />
        <Form.Item name="amount" label={t('budgetAlloc.col.amount')} rules={amountRules}>
          <Input inputMode="decimal" data-testid="appropriation-amount" />
        </Form.Item>
        <Form.Item name="documentNo" label={t('budgetAlloc.col.documentNo')} rules={required}>
          <Input maxLength={100} data-testid="appropriation-document-no" />
        </Form.Item>
        <DateItem name="documentDate" label={t('budgetAlloc.col.documentDate')} required />
        <Form.Item name="note" label={t('common.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </FormModal>
    </>
  );
}
