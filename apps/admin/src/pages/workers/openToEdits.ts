import type { WorkerDetail } from '../../api/types';
import { HR_ROLES } from '../../auth/access';
import { useAuth } from '../../auth/AuthProvider';

/** A worker who has left is history: the detail offers no edits, events, posts, training or secondments for them. */
export const openToEdits = (worker: Pick<WorkerDetail, 'status'>): boolean => worker.status !== 'LEFT';

/** The detail's tabs offer writes to HR (the API's write roles) on a worker who has not left; finance and auditors only read. */
export function useEditable(worker: Pick<WorkerDetail, 'status'>): boolean {
  const { hasRole } = useAuth();
  return hasRole(...HR_ROLES) && openToEdits(worker);
}
