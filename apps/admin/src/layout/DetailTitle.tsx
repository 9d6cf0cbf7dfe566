import { ArrowLeftOutlined } from '@ant-design/icons';
import { Space } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/I18nProvider';

/** The title of a record's page: "← back" to its list, then the record's own title and tags. */
export function DetailTitle({ back, children }: { back: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Space>
      <Link to={back}>
        <ArrowLeftOutlined /> {t('common.back')}
      </Link>
      {children}
    </Space>
  );
}
