// Jobs, events and DTO shapes other projects may use from the payroll service.
export * from './policy';
export * from './benchmark';
export * from './simulation';
export * from './runs';
export * from './run-jobs';
export * from './run-outputs';
export * from './contribution-bases';
