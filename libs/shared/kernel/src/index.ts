export * from './access';
export * from './dates';
export * from './errors';
export * from './identifiers';
export * from './money';
export * from './rounding';
export * from './text';
export * from './jobs';
