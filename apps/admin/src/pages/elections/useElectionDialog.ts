import type { ElectionView } from '@cws/workers-contracts';
import type { QueryKey } from '@tanstack/react-query';
import type { TaggedElection } from '../../api/elections';
import { useFormDialog } from '../../layout/FormModal';

/**
 * A form dialog on one read of an election and its ETag (更正, 撤销登记): the write runs under that read's If-Match.
 * `open` drops a refusal left from an earlier opening; `reopen` is 重新载入 after a 412 — it reads the record again
 * and opens on it and its new ETag, or closes when `gone` says the fresh record no longer takes this dialog.
 */
export function useElectionDialog<TValues extends object, TResult>(
  run: (values: TValues, read: TaggedElection) => Promise<TResult>,
  options: { invalidate?: QueryKey[]; success?: string; onDone?: (result: TResult, values: TValues) => void },
) {
  const dialog = useFormDialog(run, options);
  const open = (tagged: TaggedElection) => {
    dialog.action.reset();
    dialog.show(tagged);
  };
  const reopen = async (read: () => Promise<TaggedElection | undefined>, gone: (e: ElectionView) => boolean = () => false) => {
    const fresh = await read();
    if (!fresh) return;
    if (gone(fresh.body)) dialog.close();
    else open(fresh);
  };
  return { ...dialog, open, reopen };
}
