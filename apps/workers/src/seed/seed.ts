import type { PiiCipher } from '@cws/persistence';
import type { DataSource } from 'typeorm';
import { seedOrgAndUsers } from './seed-org';
import { seedDemoWorkers } from './seed-workers';

/**
 * The workers service's demo data. City size follows the worker count: about 15 workers per
 * community up to 20,000 workers (≈1,300 communities, the size of one city), 20 per community
 * beyond (100,000 workers → 5,000 communities).
 */
export function communitiesFor(workers: number): number {
  if (workers <= 20_000) return Math.max(36, Math.ceil(workers / 15));
  return Math.ceil(workers / 20);
}

export async function seedWorkersService(ds: DataSource, cipher: PiiCipher, { password, workers }: { password: string; workers: number }) {
  const org = await seedOrgAndUsers(ds, { password, communities: communitiesFor(workers) });
  const seeded = await seedDemoWorkers(ds, cipher, { totalWorkers: workers });
  return { communities: org.communities.length, ...seeded };
}
