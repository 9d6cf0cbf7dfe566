export * from './policy';
export * from './default-policy';
export * from './compiled-policy';
export * from './grade';
export * from './tax';
export * from './worker-month';
export * from './simulate';
export * from './benchmark';
