import { Alert } from 'antd';
import { useCommunity } from '../../api/org';
import type { WorkerDetail } from '../../api/types';
import { useAction } from '../../api/useAction';
import { useWorkerWrites } from '../../api/workers';
import { useI18n } from '../../i18n/I18nProvider';
import { ConfirmButton } from '../../layout/ConfirmButton';

/**
 * A transfer recorded ahead of its date: where and when the worker moves (the nightly batch moves them on the day;
 * until then they stay on this community's register), and, for those who may edit the worker, a way to cancel it.
 */
export function PlannedTransferNotice({ worker, mayCancel }: { worker: WorkerDetail; mayCancel: boolean }) {
  const { t } = useI18n();
  const writes = useWorkerWrites();
  const planned = worker.plannedTransfer;
  const community = useCommunity(planned?.communityCode ?? null);
  const cancel = useAction(() => writes.cancelPlannedTransfer(worker.id), { invalidate: [['workers'], ['worker', String(worker.id)]], success: t('workers.plannedTransferCancelled') });
  if (!planned) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="planned-transfer"
      title={t('workers.plannedTransfer', { date: planned.date, community: community.data?.name ?? planned.communityCode })}
      description={t('workers.plannedTransferHint')}
      action={mayCancel ? (
        <ConfirmButton title={t('workers.plannedTransferCancelConfirm')} onConfirm={() => cancel.mutate(undefined)} loading={cancel.isPending} testId="planned-transfer-cancel" size="small" danger>
          {t('workers.plannedTransferCancel')}
        </ConfirmButton>
      ) : undefined}
    />
  );
}
