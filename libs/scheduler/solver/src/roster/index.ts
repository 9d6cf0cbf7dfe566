export * from './calendar';
export * from './checker';
export * from './explain';
export * from './hours';
export * from './model';
export * from './problem';
export * from './solve';
export * from './time';
