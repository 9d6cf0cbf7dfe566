import { Card, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider';

/** The head of a payroll report page (benchmark, funding): its title and hint, then its filters in a card. */
export function ReportHead({ title, hint, hintTestId, children }: { title: string; hint: string; hintTestId?: string; children: ReactNode }) {
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" data-testid={hintTestId}>
        {hint}
      </Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap size="large">
          {children}
        </Space>
      </Card>
    </>
  );
}

/** What a report's figures rest on, beside its title: "illustrative" while the benchmark is not an official one. */
export function ReportBasis({ illustrative, testId, children }: { illustrative: boolean; testId: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Space wrap>
      {illustrative && <Tag color="orange">{t('benchmark.illustrative')}</Tag>}
      <Typography.Text type="secondary" data-testid={testId}>
        {children}
      </Typography.Text>
    </Space>
  );
}
