/**
 * Test-only: the workers service for other services' integration tests. The one sanctioned
 * crossing of the app boundary (lint allows only specs to import this lib), instead of an
 * eslint-disable in every spec that needs a real workers service.
 */
import { PiiCipher } from '@cws/persistence';
import type { ServiceConfig } from '@cws/platform';
import { startSeededApp, testConfig, type TestApp } from '@cws/testing';
import type { WorkerRecordView } from '@cws/workers-contracts';
import { DataSource } from 'typeorm';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { CommunityRepository } from '../../../../apps/workers/src/org/community.repository';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { seedWorkersService } from '../../../../apps/workers/src/seed/seed';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { seedOrgAndUsers } from '../../../../apps/workers/src/seed/seed-org';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { demoResidentId } from '../../../../apps/workers/src/seed/seed-workers';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { workersService } from '../../../../apps/workers/src/workers.definition';

// eslint-disable-next-line @nx/enforce-module-boundaries
export { seedWorkersService } from '../../../../apps/workers/src/seed/seed';
// eslint-disable-next-line @nx/enforce-module-boundaries
export { seedOrgAndUsers } from '../../../../apps/workers/src/seed/seed-org';
// eslint-disable-next-line @nx/enforce-module-boundaries
export { demoResidentId } from '../../../../apps/workers/src/seed/seed-workers';
// eslint-disable-next-line @nx/enforce-module-boundaries
export { MAX_INFLATED_BYTES } from '../../../../apps/workers/src/import-export/upload-limits';
// eslint-disable-next-line @nx/enforce-module-boundaries
export { WORKERS_ENTITIES, WORKERS_MIGRATIONS, workersService } from '../../../../apps/workers/src/workers.definition';

/** The demo users' password in tests. */
export const TEST_PASSWORD = 'Test@2026';

/**
 * Starts the workers service on its own throwaway schema (`config`, default `testConfig('workers')`)
 * and seeds the demo city with `workers` workers. `close()` stops it and drops the schema.
 */
export function startSeededWorkers(opts: { workers: number; config?: ServiceConfig }): Promise<TestApp> {
  return startSeededApp(workersService, opts.config ?? testConfig('workers'), (app) =>
    seedWorkersService(app.app.get(DataSource), app.app.get(PiiCipher), { password: TEST_PASSWORD, workers: opts.workers }));
}

/**
 * Starts the workers service on its own throwaway schema with the demo org tree and users (no
 * workers): the start-up of most of the workers service's own specs.
 */
export function startWorkersWithOrg(config: ServiceConfig = testConfig('workers')): Promise<TestApp> {
  return startSeededApp(workersService, config, (app) => seedOrgAndUsers(app.app.get(DataSource), { password: TEST_PASSWORD }));
}

/** A community as the other services' seeds take it. */
export interface SeededCommunity {
  code: string;
  streetCode: string;
  districtCode: string;
}

/** The active communities of a running workers service, by code: what the scheduler's seed is given. */
export async function communitiesOf(workers: TestApp): Promise<SeededCommunity[]> {
  return CommunityRepository.allActive(workers.app.get(DataSource).manager);
}

/**
 * Fresh, valid demo resident IDs (GB 11643) of 西湖区 from sequence number `first` on, one per call:
 * each spec takes its own range. `sex` is the default; a call may ask for the other.
 */
export function residentIdSequence(first: number, sex: 'M' | 'F' = 'F'): (sexOfThis?: 'M' | 'F') => string {
  let seq = first;
  return (sexOfThis = sex) => demoResidentId('330106', seq++, sexOfThis).id;
}

/** What {@link hireWorker} fills in when a spec does not say: a full-time worker with a bachelor's degree, hired 2015-07-01. */
export const HIRE_DEFAULTS = { name: '测试', education: 'BACHELOR', politicalStatus: 'NONE', hireDate: '2015-07-01', employmentType: 'FULL_TIME' } as const;

/**
 * Registers a worker through `POST /v1/workers` as `token`'s user: {@link HIRE_DEFAULTS} with `fields`
 * over them (who and where are the spec's). Returns the record the API answers; any answer but a 201
 * throws with it, so a spec's set-up fails where it went wrong.
 */
export async function hireWorker(
  workers: TestApp,
  token: string,
  fields: { residentId: string; communityCode: string } & Record<string, unknown>,
): Promise<WorkerRecordView> {
  const res = await workers.request('POST', '/v1/workers', { token, body: { ...HIRE_DEFAULTS, ...fields } });
  if (res.status !== 201) throw new Error(`hire failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.worker;
}
