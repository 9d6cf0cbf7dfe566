import type { ServiceName } from '@cws/platform';
import type { PiiCipher } from '@cws/persistence';
import type { DataSource } from 'typeorm';
import { seedOrgAndUsers } from '../../apps/workers/src/seed/seed-org';

export interface DemoOptions {
  password: string;
  /** Total workers for a large benchmark city; default is the small demo city. */
  workers?: number;
}

/** Seeds each service's schema in turn. Every step is idempotent: an already-seeded city is left alone. */
export async function seedDemo(sources: Record<ServiceName, DataSource>, _cipher: PiiCipher, opts: DemoOptions): Promise<string> {
  const communities = opts.workers ? Math.max(36, Math.ceil(opts.workers / 16)) : 36;
  const org = await seedOrgAndUsers(sources.workers, { password: opts.password, communities });
  return `demo city with ${org.communities.length} communities`;
}
