import { Space, Tag } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { todayIso } from '../../layout/FormModal';

/**
 * Open (closed rows have validTo), and whether it starts after today (a version entered ahead, e.g. next July's
 * insurance bases). Any effective-dated row: the pay policy's and the grade policy's alike.
 */
export function StatusTag({ row }: { row: { validFrom: string; validTo: string | null } }) {
  const { t } = useI18n();
  return (
    <Space size={4}>
      {row.validTo === null ? <Tag color="green">{t('policy.status.open')}</Tag> : <Tag>{t('policy.status.closed')}</Tag>}
      {row.validFrom > todayIso() && (row.validTo === null || row.validTo >= row.validFrom) && <Tag color="blue">{t('policy.upcoming')}</Tag>}
    </Space>
  );
}
