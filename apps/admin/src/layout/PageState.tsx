import { Alert, Button, Empty, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../api/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useErrors } from '../i18n/useErrors';

/** How a page shows a failed query: a backend that has not landed yet (404) is "not available", not an error. */
export function QueryError({ error }: { error: unknown }) {
  const { t } = useI18n();
  const errors = useErrors();
  if (error instanceof ApiError && (error.status === 404 || error.status === 502 || error.status === 501)) {
    return <Empty description={t('common.notAvailable')} data-testid="not-available" />;
  }
  const message = errors.text(error);
  return <Alert type="error" showIcon title={t('common.error')} description={message} data-testid="query-error" />;
}

/** A failed write: a refusal the user can correct (one of `refusals`) as a warning with its code's text, anything else as QueryError. */
export function WriteError({ error, refusals, testId }: { error: unknown; refusals: number[]; testId: string }) {
  const errors = useErrors();
  if (error instanceof ApiError && refusals.includes(error.status)) return <Alert type="warning" showIcon title={errors.text(error)} data-testid={testId} />;
  return <QueryError error={error} />;
}

/**
 * A save refused because someone else saved the record since it was read (412 PRECONDITION_FAILED on If-Match):
 * its code's text and 重新载入, which drops the unsaved edit for the stored record and its new ETag.
 */
export function StaleNotice({ error, onReload, testId }: { error: unknown; onReload: () => void; testId: string }) {
  const { t } = useI18n();
  const errors = useErrors();
  if (!(error instanceof ApiError && error.status === 412)) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={errors.text(error)}
      data-testid={testId}
      action={
        <Button size="small" onClick={onReload} data-testid={`${testId}-reload`}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}

/** The footer of a keyset-paged list: "load more" while the server has a next page, then "no more" (once rows were shown). */
export function LoadMore({
  pages,
  count,
  testId,
  children,
}: {
  pages: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  count: number;
  testId: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div style={{ textAlign: 'center', marginTop: 16 }}>
      {children}
      {pages.hasNextPage ? (
        <Button onClick={() => pages.fetchNextPage()} loading={pages.isFetchingNextPage} data-testid={testId}>
          {t('common.loadMore')}
        </Button>
      ) : (
        count > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
      )}
    </div>
  );
}
