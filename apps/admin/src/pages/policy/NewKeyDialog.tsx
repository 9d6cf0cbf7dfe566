import { Alert, Form, Select } from 'antd';
import { useEffect } from 'react';
import { POLICY_QUERIES, usePolicyWrites, type PolicyKind } from '../../api/policy';
import { useI18n } from '../../i18n/I18nProvider';
import { useEnumOptions } from '../../i18n/useEnumOptions';
import { DateItem, FormModal, useFormDialog, useRequired } from '../../layout/FormModal';
import { rowData } from './NewVersionDialog';
import { defaultValidFrom, newKeyDefaults, PolicyStaleNotice, SimpleFields, SourceRefItem, yearWindowRule } from './policyFields';

/**
 * The kinds whose new key is an everyday act: each year's published wage figures (the city's W(Y) from the statistics
 * bureau, the community workers' recorded average), a new district's or street's paying account. A new allowance code
 * (a kind with lists) still goes through the API.
 */
export const NEW_KEY_KINDS: readonly PolicyKind[] = ['CITY_WAGE', 'COMMUNITY_WAGE', 'PAYING_ACCOUNT'];

interface NewKeyValues {
  kind: PolicyKind;
  validFrom: string;
  sourceRef: string;
  data: Record<string, unknown>;
}

/**
 * 新增: the first row of a key, sent with If-None-Match: * — a row of that key added by someone else meanwhile (or one
 * already open) is refused with 412, not silently superseded. `show(kind)` opens it on that kind.
 */
export function useNewKeyDialog() {
  const { t } = useI18n();
  const writes = usePolicyWrites();
  const dialog = useFormDialog(
    (v: NewKeyValues, _kind: PolicyKind) => writes.createFirst({ kind: v.kind, validFrom: v.validFrom, sourceRef: v.sourceRef.trim(), data: rowData(v.kind, {}, v.data) }),
    { invalidate: POLICY_QUERIES, success: t('policy.added') },
  );
  // a refusal left from an earlier opening is dropped
  const show = (kind: PolicyKind) => {
    dialog.action.reset();
    dialog.show(kind);
  };
  return { ...dialog, show };
}

export function NewKeyDialog({ dialog }: { dialog: ReturnType<typeof useNewKeyDialog> }) {
  const { t } = useI18n();
  const kind = dialog.subject;
  if (!kind) return null;
  const data = newKeyDefaults(kind);
  return (
    <FormModal {...dialog.modal} title={t('policy.addTitle')} initialValues={{ kind, data, validFrom: defaultValidFrom(kind, data.year) ?? undefined }} testId="policy-add-form" width={560}>
      <PolicyStaleNotice dialog={dialog} />
      <Alert type="info" showIcon title={t('policy.addHint')} style={{ marginBottom: 12 }} />
      <NewKeyFields initialKind={kind} />
    </FormModal>
  );
}

/** The kind, its fields with the key, and a start that follows the year until it is typed (a wage of Y from 1 January Y+1, …). */
function NewKeyFields({ initialKind }: { initialKind: PolicyKind }) {
  const { t } = useI18n();
  const options = useEnumOptions();
  const required = useRequired();
  const form = Form.useFormInstance<NewKeyValues>();
  const kind = (Form.useWatch('kind', form) as PolicyKind | undefined) ?? initialKind;
  const year: unknown = Form.useWatch(['data', 'year'], form);
  useEffect(() => {
    // setFields, not setFieldValue: that one marks the field touched, and a start set here is not one typed
    const start = defaultValidFrom(kind, year);
    if (start && !form.isFieldTouched('validFrom')) form.setFields([{ name: 'validFrom', value: start }]);
  }, [form, kind, year]);
  return (
    <>
      <Form.Item name="kind" label={t('policy.kind')} rules={required}>
        <Select options={options(NEW_KEY_KINDS, 'policy.kind')} onChange={(k: PolicyKind) => form.setFieldsValue({ data: newKeyDefaults(k) })} />
      </Form.Item>
      <SimpleFields kind={kind} withKey />
      <DateItem name="validFrom" label={t('policy.validFrom')} required rules={[yearWindowRule(t, kind)]} />
      <SourceRefItem />
    </>
  );
}
