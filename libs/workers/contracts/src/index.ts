export * from './events';
export * from './jobs';
export * from './register';
export * from './org';
