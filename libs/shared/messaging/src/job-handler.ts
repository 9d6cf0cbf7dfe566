import { SetMetadata } from '@nestjs/common';
import type { JobDefinition } from '@cws/kernel';

export const JOB_HANDLER = 'cws:job-handler';

/** Marks a provider method as the one handler of a job. */
export const JobHandler = (def: JobDefinition<unknown>) => SetMetadata(JOB_HANDLER, def);

export interface JobEnvelope<P> {
  payload: P;
  meta: { requestId?: string; outboxId?: string };
}
