import { Empty } from 'antd';
import { Link } from 'react-router-dom';
import type { WorkerDetail } from '../../../api/types';
import { useI18n } from '../../../i18n/I18nProvider';

/**
 * 工资条: the payroll API lists payslips per run (`runs/:id/payslips`), not per worker, so the
 * worker's slips are opened from a run's register; this tab points there.
 */
export function PayslipsTab({ worker }: { worker: WorkerDetail }) {
  const { t } = useI18n();
  return (
    <Empty description={t('workers.payslipsInRuns')} data-testid={`payslips-${worker.id}`}>
      <Link to="/payroll/runs">{t('menu.payrollRuns')}</Link>
    </Empty>
  );
}
