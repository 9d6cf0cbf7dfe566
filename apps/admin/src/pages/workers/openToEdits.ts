import type { WorkerDetail } from '../../api/types';

/** A worker who has left is history: the detail offers no edits, events, posts, training or secondments for them. */
export const openToEdits = (worker: Pick<WorkerDetail, 'status'>): boolean => worker.status !== 'LEFT';
