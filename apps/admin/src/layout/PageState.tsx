import { Alert, Empty } from 'antd';
import { ApiError } from '../api/errors';
import { useI18n } from '../i18n/I18nProvider';

/** How a page shows a failed query: a backend that has not landed yet (404) is "not available", not an error. */
export function QueryError({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (error instanceof ApiError && (error.status === 404 || error.status === 502 || error.status === 501)) {
    return <Empty description={t('common.notAvailable')} data-testid="not-available" />;
  }
  const message = error instanceof Error ? error.message : String(error);
  return <Alert type="error" showIcon title={t('common.error')} description={message} data-testid="query-error" />;
}
