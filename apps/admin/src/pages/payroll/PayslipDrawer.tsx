import { DownloadOutlined } from '@ant-design/icons';
import { PAYSLIP_FLAG_NAMES, type PayslipFlag, type PayslipLine } from '@cws/payroll-contracts';
import { Button, Descriptions, Drawer, Space, Spin, Table, Tag } from 'antd';
import { P, usePayslip } from '../../api/payroll';
import { useDownload } from '../../api/useDownload';
import { useI18n, type Locale, type MessageKey } from '../../i18n/I18nProvider';
import { zhCN } from '../../i18n/zh-CN';
import { QueryError } from '../../layout/PageState';
import { moneyColumn } from '../../layout/columns';
import { thousands } from '../../lib/format';

/**
 * Where a contribution-base INFO line's amount came from (its rule): the one rule worth reading on a slip,
 * since the base decides every insurance line; other lines show their label only.
 */
export function baseSourceKey(line: Pick<PayslipLine, 'code' | 'rule'>): MessageKey | null {
  if (line.code !== 'CONTRIBUTION_BASE' && line.code !== 'HOUSING_FUND_BASE') return null;
  const key = `base.source.${line.rule}`;
  return key in zhCN ? (key as MessageKey) : null;
}

/** A payslip flag (or a correction's slip kind) in the user's language, from the engine's names; one it does not know, as its code. */
export function flagName(locale: Locale, flag: string): string {
  const name = PAYSLIP_FLAG_NAMES[flag as PayslipFlag];
  return name ? (locale === 'en' ? name.en : name.zh) : flag;
}

/** One worker's payslip: the lines by kind with their labels, the totals, and the PDF; `onCorrect`: 更正此工资条 (a settled regular run's computed slip). */
export function PayslipDrawer({ id, onClose, onCorrect }: { id: string | null; onClose: () => void; onCorrect?: (workerId: number) => void }) {
  const { t, locale } = useI18n();
  const slip = usePayslip(id);
  const s = slip.data;
  const download = useDownload();
  const pdf = () => download(`${P}/payslips/${id}.pdf`, `payslip-${id}.pdf`);
  return (
    <Drawer open={!!id} onClose={onClose} size={640} title={s ? `${t('workers.payslips')} · ${s.name} · ${s.period}` : t('workers.payslips')} destroyOnHidden data-testid="payslip-drawer">
      {slip.isPending && <Spin />}
      {slip.error && <QueryError error={slip.error} />}
      {s && (
        <>
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label={t('workers.postBand')}>{s.band ? t(`enum.post.${s.band}` as MessageKey) : '-'}</Descriptions.Item>
            <Descriptions.Item label={t('payrollRuns.grade')}>
              {s.grade ?? '-'} {s.gradeSource === 'DERIVED' && <Tag>{t('payrollRuns.derived')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('payrollRuns.gross')}>{thousands(s.gross)}</Descriptions.Item>
            <Descriptions.Item label={t('payrollRuns.net')}>{thousands(s.net)}</Descriptions.Item>
            <Descriptions.Item label={t('payrollRuns.tax')}>{thousands(s.tax)}</Descriptions.Item>
            <Descriptions.Item label={t('payrollRuns.employeeContributions')}>{thousands(s.employeeContributions)}</Descriptions.Item>
          </Descriptions>
          {s.flags.length > 0 && (
            <div style={{ marginTop: 8 }}>
              {s.flags.map((f) => (
                <Tag key={f} color="gold" title={f}>{flagName(locale, f)}</Tag>
              ))}
            </div>
          )}
          <Table<PayslipLine>
            size="small"
            style={{ marginTop: 12 }}
            rowKey={(l) => `${l.kind}:${l.code}:${l.refPeriod ?? ''}`}
            dataSource={s.lines}
            pagination={false}
            columns={[
              { title: t('payrollRuns.lineKind'), dataIndex: 'kind', render: (k: string) => t(`run.line.${k}` as MessageKey) },
              {
                title: t('payrollRuns.item'),
                dataIndex: 'label',
                render: (l: string, line) => {
                  const source = baseSourceKey(line);
                  return `${l}${line.refPeriod ? `（${line.refPeriod}）` : ''}${source ? ` · ${t(source)}` : ''}`;
                },
              },
              moneyColumn(t('payrollRuns.amount'), 'amount'),
            ]}
          />
          {s.status === 'COMPUTED' && (
            <Space style={{ marginTop: 12 }}>
              <Button icon={<DownloadOutlined />} onClick={() => void pdf()} data-testid="payslip-pdf">
                {t('payrollRuns.pdf')}
              </Button>
              {onCorrect && s.slipKind === 'REGULAR' && (
                <Button onClick={() => onCorrect(s.workerId)} data-testid="payslip-correct">
                  {t('payrollRuns.correctSlip')}
                </Button>
              )}
            </Space>
          )}
        </>
      )}
    </Drawer>
  );
}
