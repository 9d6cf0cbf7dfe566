import { defineJob } from '@cws/kernel';
import type { AppointmentRole, BodyKind, GradeCause, PostBand, SecondmentDirection, SecondmentPayer, WorkerStatus } from './register';

/**
 * Change events the register publishes through its outbox (delivered at least once: consumers
 * use their inbox keyed by the BullMQ job id). Payloads carry ids and the few facts a consumer
 * needs to decide whether to re-read; the snapshot endpoint is the source of truth.
 */
export const WORKERS_EVENTS_QUEUE = 'workers-events';

/**
 * The scheduler's copy of the events that can make a published roster's shifts ahead no longer hold (a transfer, a
 * leaver, leave, a secondment begun or ended): it checks that worker's published rosters at once instead of
 * at the next hourly check. `workers-events` stays payroll's.
 */
export const WORKERS_EVENTS_SCHEDULER_COPY = 'workers-events-scheduler';
const toScheduler = [WORKERS_EVENTS_SCHEDULER_COPY];

export interface WorkerRef {
  workerId: number;
  districtCode: string;
  streetCode: string;
  communityCode: string;
}

/** `grade` / `gradeBand`: the grade recorded at hire (entry grade, plus steps due for a past hire date); absent for imported workers (derived later in the same transaction). */
export const WorkerCreatedEvent = defineJob<WorkerRef & { hireDate: string; grade?: number; gradeBand?: PostBand }>(WORKERS_EVENTS_QUEUE, 'worker.created');
/**
 * `fields`: what changed (`status`; `communityCode` with `transferDate`, a transfer's first day in the new community,
 * which may lie in the past; `plannedTransfer`; `leave`, leave recorded or ended ahead of its dates; edited fields).
 */
export const WorkerChangedEvent = defineJob<WorkerRef & { fields: string[]; transferDate?: string }>(WORKERS_EVENTS_QUEUE, 'worker.changed', toScheduler);
export const WorkerLeftEvent = defineJob<WorkerRef & { leftDate: string; reason: string; status: WorkerStatus }>(WORKERS_EVENTS_QUEUE, 'worker.left', toScheduler);
export const AppointmentStartedEvent = defineJob<
  WorkerRef & { appointmentId: number; bodyKind: BodyKind; role: AppointmentRole; primary: boolean; from: string; to: string | null }
>(WORKERS_EVENTS_QUEUE, 'appointment.started');
export const AppointmentEndedEvent = defineJob<WorkerRef & { appointmentId: number; to: string }>(WORKERS_EVENTS_QUEUE, 'appointment.ended');
export const SecondmentStartedEvent = defineJob<
  WorkerRef & { secondmentId: number; direction: SecondmentDirection; payer: SecondmentPayer; from: string; to: string | null }
>(WORKERS_EVENTS_QUEUE, 'secondment.started', toScheduler);
export const SecondmentEndedEvent = defineJob<WorkerRef & { secondmentId: number; to: string }>(WORKERS_EVENTS_QUEUE, 'secondment.ended', toScheduler);
export const TrainingCompletedEvent = defineJob<WorkerRef & { classId: number; hours: string; year: number }>(WORKERS_EVENTS_QUEUE, 'training.completed');
/**
 * A grade row was recorded after hire: yearly progression, an explicit GRADE_CHANGE, a band change
 * when a primary post of another band starts (the grade at hire travels on `worker.created`). `from` is the date it takes effect; `previousGrade` is
 * null for the first row.
 */
export const GradeChangedEvent = defineJob<
  WorkerRef & { gradeId: number; grade: number; band: PostBand; from: string; cause: GradeCause; derived: boolean; previousGrade: number | null }
>(WORKERS_EVENTS_QUEUE, 'worker.grade-changed');
