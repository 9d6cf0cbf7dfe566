export * from './test-app';
export * from './until';
