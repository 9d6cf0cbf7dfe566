// Jobs, events and DTO shapes other projects may use from the scheduler service.
export * from './hours';
export * from './jobs';
export * from './rosters';
