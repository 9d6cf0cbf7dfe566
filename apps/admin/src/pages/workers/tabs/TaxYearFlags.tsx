import { QuestionCircleOutlined } from '@ant-design/icons';
import type { WorkerTaxYearView } from '@cws/workers-contracts';
import { Button, Descriptions, Form, Input, Select, Space, Spin, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { WorkerDetail } from '../../../api/types';
import { useTaxYear, useWorkerWrites } from '../../../api/workers';
import { useI18n, type MessageKey } from '../../../i18n/I18nProvider';
import { FormModal, useFormDialog } from '../../../layout/FormModal';
import { QueryError } from '../../../layout/PageState';
import { dateTime } from '../../../lib/format';
import { useEditable } from '../openToEdits';

/** A flag as the form's Select holds it: null (payroll's default) has no Select value of its own. */
type Choice = 'DEFAULT' | 'YES' | 'NO';
type Values = { firstJobOfYear: Choice; lowIncomeLastYear: Choice; note?: string };
type Flag = 'firstJobOfYear' | 'lowIncomeLastYear';

const toChoice = (v: boolean | null): Choice => (v === null ? 'DEFAULT' : v ? 'YES' : 'NO');
const toFlag = (c: Choice): boolean | null => (c === 'DEFAULT' ? null : c === 'YES');
const LABEL: Record<Choice, MessageKey> = { DEFAULT: 'taxYear.default', YES: 'common.yes', NO: 'common.no' };
const FLAGS: Flag[] = ['firstJobOfYear', 'lowIncomeLastYear'];

/**
 * The worker's income-tax withholding flags for this year (DOMAIN §4): 本年首次取得工资薪金 (公告2020年第19号)
 * and 上年收入不超过 6 万元 (公告2020年第13号). Each is HR's yes or no, or null for payroll's default; the next
 * payroll run withholds by them.
 */
export function TaxYearFlags({ worker }: { worker: Pick<WorkerDetail, 'id' | 'status'> }) {
  const { t } = useI18n();
  const year = dayjs().year();
  const flags = useTaxYear(worker.id, year);
  const writes = useWorkerWrites();
  const writable = useEditable(worker);
  const set = useFormDialog(
    (v: Values) =>
      writes.setTaxYear(worker.id, year, {
        firstJobOfYear: toFlag(v.firstJobOfYear),
        lowIncomeLastYear: toFlag(v.lowIncomeLastYear),
        // an empty note clears the one before
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      }),
    { invalidate: [['worker-tax-year', worker.id, year]], success: t('common.saved') },
  );
  const view = flags.data;
  const title = t('taxYear.title', { year });
  if (flags.error) return <QueryError error={flags.error} />;
  if (!view) return <Spin size="small" style={{ display: 'block', marginBottom: 16 }} />;

  const help = (flag: Flag) => (
    <Space size={4}>
      {t(`taxYear.${flag}`)}
      <Tooltip title={t(`taxYear.${flag}.help`)}>
        <QuestionCircleOutlined />
      </Tooltip>
    </Space>
  );
  const shown = (flag: Flag) => (
    <Space size={4}>
      <span data-testid={`tax-year-${flag}`}>{t(LABEL[toChoice(view[flag])])}</span>
      {view[flag] === null && <Typography.Text type="secondary">{t(`taxYear.${flag}.default`)}</Typography.Text>}
    </Space>
  );
  const options = (['DEFAULT', 'YES', 'NO'] as const).map((c) => ({ value: c, label: t(LABEL[c]) }));
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={2}
        title={title}
        style={{ marginBottom: 16 }}
        data-testid="tax-year"
        extra={
          writable && (
            <Button size="small" onClick={() => set.show()} data-testid="set-tax-year">
              {t('taxYear.set')}
            </Button>
          )
        }
        items={[
          ...FLAGS.map((flag) => ({ key: flag, label: help(flag), children: shown(flag) })),
          { key: 'note', label: t('common.note'), children: view.note ?? '-' },
          { key: 'by', label: t('taxYear.setBy'), children: view.updatedBy ? [view.updatedBy, view.updatedAt && dateTime(view.updatedAt)].filter(Boolean).join(' · ') : '-' },
        ]}
      />
      <FormModal<Values> {...set.modal} title={title} initialValues={initialValues(view)} testId="tax-year-form">
        {FLAGS.map((flag) => (
          <Form.Item key={flag} name={flag} label={t(`taxYear.${flag}`)} extra={t(`taxYear.${flag}.help`)}>
            <Select options={options} data-testid={`tax-year-${flag}-select`} />
          </Form.Item>
        ))}
        <Form.Item name="note" label={t('common.note')}>
          <Input maxLength={200} placeholder={t('taxYear.notePlaceholder')} data-testid="tax-year-note" />
        </Form.Item>
      </FormModal>
    </>
  );
}

const initialValues = (v: WorkerTaxYearView): Values => ({
  firstJobOfYear: toChoice(v.firstJobOfYear),
  lowIncomeLastYear: toChoice(v.lowIncomeLastYear),
  note: v.note ?? undefined,
});
