import { InputNumber, Select, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { useBudgetNames } from './useBudgetNames';

/** A budget page's fiscal-year filter, labelled "year" (a year is always chosen: the budget is kept by year). */
export function YearFilter({ value, onChange, testId }: { value: number; onChange: (year: number) => void; testId: string }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Text>{t('budget.year')}</Typography.Text>
      <InputNumber min={2000} max={2100} value={value} onChange={(v) => v && onChange(v)} data-testid={testId} />
    </>
  );
}

/** A budget list's filter by funding stream, the streams named in the user's language, cleared with ×. */
export function StreamFilter({ value, disabled, onChange }: { value: string | undefined; disabled?: boolean; onChange: (stream?: string) => void }) {
  const { t } = useI18n();
  const names = useBudgetNames();
  return <Select allowClear placeholder={t('budget.col.stream')} style={{ width: 170 }} value={value} disabled={disabled} onChange={onChange} options={names.streamOptions} />;
}
