import { Empty } from 'antd';
import type { WorkerDetail } from '../../../api/types';
import { useI18n } from '../../../i18n/I18nProvider';

/** 工资条: the worker's payslips from the payroll runs (shown once the runs API has landed). */
export function PayslipsTab({ worker }: { worker: WorkerDetail }) {
  const { t } = useI18n();
  return <Empty description={t('workers.payslipsNone')} data-testid={`payslips-${worker.id}`} />;
}
