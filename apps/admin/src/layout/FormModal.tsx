import { parseMoney } from '@cws/kernel';
import type { QueryKey } from '@tanstack/react-query';
import { DatePicker, Form, Modal, Select, type FormInstance, type FormRule } from 'antd';
import dayjs from 'dayjs';
import { useLayoutEffect, useState, type ReactNode } from 'react';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { useEnumOptions } from '../i18n/useEnumOptions';

/**
 * A modal around a form: OK validates, then calls `onSubmit` with the values; the modal stays
 * open while the request runs (and on a refusal, whose details the caller puts on the fields).
 */
export function FormModal<T extends object>({
  open,
  title,
  form,
  onSubmit,
  onClose,
  pending,
  okText,
  initialValues,
  testId,
  width,
  children,
}: {
  open: boolean;
  title: ReactNode;
  form: FormInstance<T>;
  onSubmit: (values: T) => void;
  onClose: () => void;
  pending?: boolean;
  okText?: string;
  initialValues?: Partial<T>;
  testId: string;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.validateFields().then(onSubmit, () => undefined)}
      okText={okText ?? t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      destroyOnHidden
      width={width}
      okButtonProps={{ 'data-testid': `${testId}-ok` } as never}
    >
      <Form form={form} layout="vertical" initialValues={initialValues} preserve={false} data-testid={testId}>
        {children}
        <StartFresh form={form} />
      </Form>
    </Modal>
  );
}

/**
 * Each opening starts from that opening's initial values. The form instance outlives the modal, and
 * on a remount rc-field-form keeps the values left from the last opening over the new initial ones;
 * resetting once the fields have mounted (this is the form's last child) takes the new ones. A layout
 * effect, before the first paint: a passive effect could run after a quick hand (or a browser test on a
 * busy machine) had typed into the open dialog, and wipe what was typed.
 */
function StartFresh({ form }: { form: FormInstance }) {
  useLayoutEffect(() => form.resetFields(), [form]);
  return null;
}

/**
 * The state of one FormModal that runs one write: open or not (and for which row: `show(row)`), its
 * form, and the write OK runs (`useAction`: refusals land on the fields). It closes when the write
 * succeeds, then `onDone` runs. Spread `modal` onto the FormModal.
 */
export function useFormDialog<TValues extends object, TResult = unknown, TSubject = true>(
  run: (values: TValues, subject: TSubject) => Promise<TResult>,
  { onDone, ...options }: { invalidate?: QueryKey[]; success?: string; onDone?: (result: TResult, values: TValues) => void } = {},
) {
  const [subject, setSubject] = useState<TSubject | null>(null);
  const [form] = Form.useForm<TValues>();
  const close = () => setSubject(null);
  const action = useAction((values: TValues) => run(values, subject as TSubject), {
    ...options,
    form,
    onDone: (result, values) => {
      close();
      onDone?.(result, values);
    },
  });
  const show = (...args: TSubject extends true ? [] : [subject: TSubject]) => setSubject(((args as unknown[])[0] ?? true) as TSubject);
  return {
    subject,
    form,
    action,
    show,
    close,
    modal: { open: subject !== null, form, onSubmit: (values: TValues) => action.mutate(values), onClose: close, pending: action.isPending },
  };
}

/** The rule of a required field, with its message in the user's language. */
export function useRequired(): FormRule[] {
  const { t } = useI18n();
  return [{ required: true, message: t('common.required') }];
}

/**
 * An amount field's rules: required (unless `required: false`, e.g. an optional second amount), a decimal of
 * at most two places, above zero (read as fen by the kernel, never as a float).
 */
export function useAmountRules({ required = true } = {}): FormRule[] {
  const { t } = useI18n();
  const requiredRule = useRequired();
  return [
    ...(required ? requiredRule : []),
    {
      validator: async (_, v: string | undefined) => {
        if (!v) return;
        let fen: bigint;
        try {
          fen = parseMoney(v);
        } catch {
          throw new Error(t('payroll.amountInvalid'));
        }
        if (fen <= 0n) throw new Error(t('common.amountPositive'));
      },
    },
  ];
}

/** `rules`: checks beyond required (e.g. the first of a month), run on the field's YYYY-MM-DD string. */
type PickerItemProps = { name: string; label: ReactNode; required?: boolean; extra?: ReactNode; rules?: FormRule[] };

/** A date or month field whose form value is the API's string (YYYY-MM-DD, YYYY-MM), not a dayjs object. */
function PickerItem({ name, label, required, extra, rules: more = [], picker }: PickerItemProps & { picker: 'date' | 'month' }) {
  const rules = useRequired();
  const format = picker === 'month' ? 'YYYY-MM' : 'YYYY-MM-DD';
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={[...(required ? rules : []), ...more]}
      getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : null })}
      normalize={(d: dayjs.Dayjs | null) => (d ? d.format(format) : undefined)}
    >
      <DatePicker picker={picker} style={{ width: '100%' }} />
    </Form.Item>
  );
}

/** A calendar-date field (YYYY-MM-DD). */
export const DateItem = (props: PickerItemProps) => <PickerItem {...props} picker="date" />;

/** A month field (YYYY-MM). */
export const MonthItem = (props: PickerItemProps) => <PickerItem {...props} picker="month" />;

/** A required choice of one of an enum's `values`, each named by its text under `prefix` (as useEnumOptions). */
export function EnumItem({ name, label, values, prefix, extra }: { name: string | string[]; label: ReactNode; values: readonly string[]; prefix: string; extra?: ReactNode }) {
  const options = useEnumOptions();
  const required = useRequired();
  return (
    <Form.Item name={name} label={label} rules={required} extra={extra}>
      <Select options={options(values, prefix)} />
    </Form.Item>
  );
}

export const todayIso = () => dayjs().format('YYYY-MM-DD');
export const thisMonth = () => dayjs().format('YYYY-MM');
