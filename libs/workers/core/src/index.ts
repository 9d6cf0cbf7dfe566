export * from './dates';
export * from './election';
export * from './grade';
export * from './ranking';
export * from './training-owed';
export * from './org';
export * from './vocabulary';
export * from './worker-columns';
