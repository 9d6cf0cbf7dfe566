export * from './job-dispatcher';
export * from './job-handler';
export * from './job-producer';
export * from './job-schedules';
export * from './messaging.module';
export * from './outbox';
export * from './pii-reencryption-job';
