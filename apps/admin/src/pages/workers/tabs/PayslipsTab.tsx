import { DownloadOutlined } from '@ant-design/icons';
import type { WorkerPayslipItem } from '@cws/payroll-contracts';
import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { P, useWorkerPayslips } from '../../../api/payroll';
import type { WorkerDetail } from '../../../api/types';
import { useDownload } from '../../../api/useDownload';
import { useI18n, type MessageKey } from '../../../i18n/I18nProvider';
import { actionsColumn, moneyColumn } from '../../../layout/columns';
import { PagedTable } from '../../../layout/PagedTable';
import { flagName, PayslipDrawer } from '../../payroll/PayslipDrawer';

/**
 * 工资条: the worker's payslips across runs (`GET /payslips?workerId=`, newest period first, only
 * runs in the caller's scope), each opening its run, the slip's lines, and the PDF.
 */
export function PayslipsTab({ worker }: { worker: WorkerDetail }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const slips = useWorkerPayslips(worker.id, true);
  const download = useDownload();
  const pdf = (s: WorkerPayslipItem) => download(`${P}/payslips/${s.id}.pdf`, `payslip-${s.period}-${s.id}.pdf`);
  return (
    <div data-testid={`payslips-${worker.id}`}>
      <PagedTable<WorkerPayslipItem>
        pages={slips}
        loadMoreTestId="worker-payslips-load-more"
        empty={t('workers.payslipsNone')}
        data-testid="worker-payslips"
        columns={[
          { title: t('payrollRuns.period'), dataIndex: 'period' },
          {
            title: t('workers.payslipsRun'),
            key: 'run',
            render: (_, s) => (
              <Space size={4}>
                <Link to={`/payroll/runs/${s.runId}`}>{t(`run.type.${s.runType}` as MessageKey)}</Link>
                {s.slipKind !== 'REGULAR' && <Tag color="orange">{flagName(locale, s.slipKind)}</Tag>}
                <Tag>{t(`run.status.${s.runStatus}` as MessageKey)}</Tag>
                {s.status === 'FAILED' && <Tag color="red">{t('run.compute.FAILED')}</Tag>}
              </Space>
            ),
          },
          moneyColumn(t('payrollRuns.gross'), 'gross'),
          moneyColumn(t('payrollRuns.tax'), 'tax'),
          moneyColumn(t('payrollRuns.net'), 'net'),
          actionsColumn<WorkerPayslipItem>(t, (s) => (
            <Space size="small">
              <Button size="small" onClick={() => setOpen(s.id)} data-testid="worker-payslip-open">{t('workers.payslipsOpen')}</Button>
              {s.status === 'COMPUTED' && (
                <Button size="small" icon={<DownloadOutlined />} onClick={() => void pdf(s)} data-testid="worker-payslip-pdf">PDF</Button>
              )}
            </Space>
          )),
        ]}
      />
      <PayslipDrawer id={open} onClose={() => setOpen(null)} />
    </div>
  );
}
