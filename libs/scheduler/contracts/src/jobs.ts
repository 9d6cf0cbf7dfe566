import { defineJob } from '@cws/kernel';

/** Solving runs on this queue: any number of scheduler processes may consume it. */
export const SCHEDULER_ROSTERS_QUEUE = 'scheduler-rosters';
export const SCHEDULER_GENERATIONS_QUEUE = 'scheduler-generations';

/** Solve one queued roster (one centre, one month). Carries the id only; the job re-reads the row and stops if it is no longer queued. */
export const SolveRosterJob = defineJob<{ rosterId: number }>(SCHEDULER_ROSTERS_QUEUE, 'solve-roster');

/** The parent of a city-wide flow: runs once every child has finished, and closes the generation. */
export const FinishGenerationJob = defineJob<{ generationId: number }>(SCHEDULER_GENERATIONS_QUEUE, 'finish-generation');
