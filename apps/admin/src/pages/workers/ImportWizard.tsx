import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Progress, Result, Space, Steps, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/context';
import { useDownload } from '../../api/useDownload';
import { useErrors } from '../../i18n/useErrors';
import { codeText } from '../../i18n/errors';
import { useI18n } from '../../i18n/I18nProvider';
import type { ImportCommittedView, ImportReportView } from '@cws/workers-contracts';

/** The workers service's import report (its contract). */
export type ImportReport = ImportReportView;
export type ImportIssue = ImportReportView['errors'][number];

type Phase = { step: 'upload' } | { step: 'checking'; name: string } | { step: 'check'; report: ImportReport } | { step: 'committing'; report: ImportReport } | { step: 'done'; created: number };

const HAN = /[\u4e00-\u9fff]/;

/** A row's problem in the user's language: the Chinese part of the server's reason when it has one (it names the other row), else the code's text. */
export function issueText(locale: 'zh-CN' | 'en', issue: ImportIssue): string {
  const zhPart = issue.reason.split(' (')[0];
  if (locale === 'zh-CN' && HAN.test(zhPart)) return zhPart;
  return codeText(locale, issue.code, 400);
}

/** 导入: template → upload (checked, nothing written) → per-row report → commit all or only the valid rows. */
export function ImportWizard({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const errors = useErrors();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<Phase>({ step: 'upload' });

  const download = useDownload();
  const template = (format: 'xlsx' | 'csv') => download('/api/workers/v1/imports/template', `workers-template.${format}`, { format });

  const upload = async (file: File) => {
    setPhase({ step: 'checking', name: file.name });
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      setPhase({ step: 'check', report: await api.upload<ImportReport>('/api/workers/v1/imports', form) });
    } catch (err) {
      message.error(errors.text(err));
      setPhase({ step: 'upload' });
    }
  };

  const commit = async (report: ImportReport, validOnly: boolean) => {
    setPhase({ step: 'committing', report });
    try {
      const r = await api.post<ImportCommittedView>(`/api/workers/v1/imports/${report.id}/commit`, { validOnly });
      void queryClient.invalidateQueries({ queryKey: ['workers'] });
      setPhase({ step: 'done', created: r.created });
    } catch (err) {
      message.error(errors.text(err));
      setPhase({ step: 'check', report });
    }
  };

  const close = () => {
    setPhase({ step: 'upload' });
    onClose();
  };
  const current = { upload: 0, checking: 1, check: 1, committing: 2, done: 3 }[phase.step];
  const report = phase.step === 'check' || phase.step === 'committing' ? phase.report : null;

  return (
    <Modal open={open} title={t('import.title')} onCancel={close} footer={null} width={860} destroyOnHidden>
      <div data-testid="import-wizard">
        <Steps
          size="small"
          current={current}
          style={{ marginBottom: 24 }}
          items={[{ title: t('import.step.template') }, { title: t('import.step.upload') }, { title: t('import.step.check') }, { title: t('import.step.done') }]}
        />
        {phase.step === 'upload' && (
          <>
            <Alert type="info" showIcon title={t('import.templateHint')} style={{ marginBottom: 16 }} />
            <Space style={{ marginBottom: 16 }}>
              <Button icon={<DownloadOutlined />} onClick={() => void template('xlsx')} data-testid="import-template">
                {t('import.templateXlsx')}
              </Button>
              <Button icon={<DownloadOutlined />} onClick={() => void template('csv')}>
                {t('import.templateCsv')}
              </Button>
            </Space>
            <Upload.Dragger
              accept=".xlsx,.csv"
              multiple={false}
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>{t('import.choose')}</p>
            </Upload.Dragger>
          </>
        )}
        {phase.step === 'checking' && (
          <div data-testid="import-progress">
            <Typography.Paragraph>{t('import.checking', { name: phase.name })}</Typography.Paragraph>
            <Progress percent={50} status="active" showInfo={false} />
          </div>
        )}
        {report && (
          <>
            <Alert
              type={report.invalidRows ? 'warning' : 'success'}
              showIcon
              title={t('import.summary', { total: report.totalRows, valid: report.validRows, invalid: report.invalidRows })}
              description={report.invalidRows ? t('import.hasErrors') : t('import.allValid')}
              style={{ marginBottom: 16 }}
              data-testid="import-summary"
            />
            {report.errors.length > 0 && (
              <Table<ImportIssue>
                size="small"
                rowKey={(e) => `${e.row}:${e.column}:${e.code}`}
                dataSource={report.errors}
                pagination={report.errors.length > 10 ? { pageSize: 10 } : false}
                data-testid="import-errors"
                columns={[
                  { title: t('import.row'), dataIndex: 'row', width: 80 },
                  { title: t('import.column'), dataIndex: 'column', width: 120 },
                  { title: t('import.problem'), key: 'problem', render: (_: unknown, e) => issueText(locale, e) },
                ]}
              />
            )}
            {report.warnings.length > 0 && (
              <div style={{ marginTop: 12 }}>
                <Typography.Text strong>{t('import.warnings')}：</Typography.Text>
                {report.warnings.map((w) => (
                  <Tag key={`${w.row}:${w.code}`} color="gold">
                    {t('import.row')} {w.row} · {w.column} · {issueText(locale, w)}
                  </Tag>
                ))}
              </div>
            )}
            {phase.step === 'committing' ? (
              <div style={{ marginTop: 16 }} data-testid="import-progress">
                <Typography.Paragraph>{t('import.committing')}</Typography.Paragraph>
                <Progress percent={80} status="active" showInfo={false} />
              </div>
            ) : (
              <Space style={{ marginTop: 16 }}>
                <Button onClick={() => setPhase({ step: 'upload' })}>{t('common.prev')}</Button>
                {report.invalidRows === 0 ? (
                  <Button type="primary" onClick={() => void commit(report, false)} data-testid="import-commit-all">
                    {t('import.commitAll')}
                  </Button>
                ) : (
                  <Button type="primary" disabled={report.validRows === 0} onClick={() => void commit(report, true)} data-testid="import-commit-valid">
                    {t('import.commitValid', { n: report.validRows })}
                  </Button>
                )}
              </Space>
            )}
          </>
        )}
        {phase.step === 'done' && (
          <Result
            status="success"
            title={t('import.done', { n: phase.created })}
            extra={[
              <Button key="again" onClick={() => setPhase({ step: 'upload' })}>
                {t('import.again')}
              </Button>,
              <Button key="close" type="primary" onClick={close} data-testid="import-close">
                {t('common.confirm')}
              </Button>,
            ]}
            data-testid="import-done"
          />
        )}
      </div>
    </Modal>
  );
}
