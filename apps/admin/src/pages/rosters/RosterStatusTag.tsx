import type { RosterStatus } from '@cws/scheduler-contracts';
import { Tag } from 'antd';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';

const STATUS_COLOR: Record<RosterStatus, string> = { QUEUED: 'default', DRAFT: 'blue', PUBLISHED: 'green', SUPERSEDED: 'default', FAILED: 'red' };

/** A version's status (排队中, 草稿, 已发布, 已被替代, 失败), coloured. */
export function RosterStatusTag({ status, testId }: { status: RosterStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid={testId}>
      {t(`rosters.status.${status}` as MessageKey)}
    </Tag>
  );
}
