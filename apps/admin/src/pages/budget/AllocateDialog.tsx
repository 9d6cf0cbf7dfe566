import type { AppropriationView } from '@cws/budget-contracts';
import { Form, Input, Select } from 'antd';
import { BUDGET_QUERIES, useBudgetWrites, useEnactedAppropriations, useIdempotencyKeys, type NewAllocation } from '../../api/budget';
import { useCommunities, useStreets } from '../../api/org';
import { useI18n } from '../../i18n/I18nProvider';
import { FormModal, useAmountRules, useFormDialog, useRequired } from '../../layout/FormModal';
import { moneyString, thousands } from '../../lib/format';
import { placeOptions } from '../../lib/places';
import { hasUnallocated, useBudgetNames } from './useBudgetNames';

type Values = Omit<NewAllocation, 'targetName'>;
/** Opened from an appropriation's row (it is preset) or from the allocations list (`true`: pick one). */
type Subject = AppropriationView | true;

/** The allocate dialog's state: `open(appropriation?)` starts a new request, with a new Idempotency-Key. */
export function useAllocateDialog() {
  const { t } = useI18n();
  const names = useBudgetNames();
  const writes = useBudgetWrites();
  const keys = useIdempotencyKeys();
  const dialog = useFormDialog<Values, unknown, Subject>(
    (v) => {
      const code = v.communityCode ?? v.streetCode;
      const name = names.place(code);
      return writes.allocate(
        // the name as it is today goes with the allocation (the list shows it even if the place is renamed)
        { ...v, amount: moneyString(v.amount), targetName: name === code ? undefined : name, note: v.note || undefined },
        keys.keyFor('allocate'),
      );
    },
    { invalidate: BUDGET_QUERIES, success: t('budgetAlloc.allocatedOk') },
  );
  const open = (a?: AppropriationView) => {
    keys.renew('allocate');
    if (a) dialog.show(a);
    else dialog.show(); // pick the appropriation in the dialog
  };
  return { ...dialog, open };
}

/**
 * 分配: part of an enacted appropriation to a street, or to one of its communities. A district's
 * money only goes to its own streets (the street list is that district's); the service also
 * refuses more than is unallocated (409 INSUFFICIENT_UNALLOCATED), shown in the user's language.
 */
export function AllocateDialog({ dialog, fiscalYear }: { dialog: ReturnType<typeof useAllocateDialog>; fiscalYear: number }) {
  const { t } = useI18n();
  const names = useBudgetNames();
  const required = useRequired();
  const amountRules = useAmountRules();
  const preset = dialog.subject !== null && dialog.subject !== true ? dialog.subject : undefined;
  const enacted = useEnactedAppropriations(fiscalYear, dialog.modal.open && !preset);
  const choices = preset ? [preset] : (enacted.data?.items ?? []).filter(hasUnallocated);
  const appropriationId = Form.useWatch('appropriationId', dialog.form);
  const street = Form.useWatch('streetCode', dialog.form);
  const chosen = choices.find((a) => a.id === appropriationId);
  const streets = useStreets(chosen?.districtCode ?? undefined, dialog.modal.open && !!chosen);
  const communities = useCommunities({ street }, dialog.modal.open && !!street);
  const label = (a: AppropriationView) => `#${a.id} ${names.funder(a.funder)} · ${names.stream(a.stream)} · ${a.documentNo}`;

  return (
    <FormModal {...dialog.modal} title={t('budgetAlloc.allocate')} initialValues={{ appropriationId: preset?.id }} testId="allocation-form">
      <Form.Item
        name="appropriationId"
        label={t('budgetAlloc.col.appropriation')}
        rules={required}
        extra={chosen && t('budgetAlloc.unallocatedOf', { amount: thousands(chosen.unallocated) })}
      >
        <Select
          disabled={!!preset}
          loading={enacted.isFetching}
          options={choices.map((a) => ({ value: a.id, label: label(a) }))}
          onChange={() => dialog.form.setFieldsValue({ streetCode: undefined, communityCode: undefined })}
          data-testid="allocation-appropriation"
        />
      </Form.Item>
      <Form.Item name="streetCode" label={t('org.street')} rules={required}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          disabled={!chosen}
          loading={streets.isFetching}
          options={placeOptions(streets.data)}
          onChange={() => dialog.form.setFieldValue('communityCode', undefined)}
          data-testid="allocation-street"
        />
      </Form.Item>
      <Form.Item name="communityCode" label={t('org.community')} extra={t('budgetAlloc.communityHint')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          disabled={!street}
          loading={communities.isFetching}
          options={placeOptions(communities.data?.filter((c) => c.active))}
          data-testid="allocation-community"
        />
      </Form.Item>
      <Form.Item name="amount" label={t('budgetAlloc.col.amount')} rules={amountRules}>
        <Input inputMode="decimal" data-testid="allocation-amount" />
      </Form.Item>
      <Form.Item name="note" label={t('common.note')}>
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </FormModal>
  );
}
