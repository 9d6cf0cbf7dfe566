import { Alert } from 'antd';
import { useIncomingTransfers } from '../../api/workers';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * 即将调入: the transfers recorded ahead into the user's area — who is coming, from which community, to which, from when.
 * Until that day the worker is not on this register (nor openable from it), so this is how the receiving HR sees them
 * coming. Nothing shows when none is planned, or when the list cannot be read.
 */
export function IncomingTransfers() {
  const { t } = useI18n();
  const incoming = useIncomingTransfers();
  const items = incoming.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="incoming-transfers"
      title={t('workers.incoming', { n: items.length })}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {items.map((i) => (
            <li key={i.workerId}>{t('workers.incomingItem', { name: i.name, id: i.workerId, from: i.fromCommunityName, to: i.toCommunityName, date: i.date })}</li>
          ))}
        </ul>
      }
    />
  );
}
