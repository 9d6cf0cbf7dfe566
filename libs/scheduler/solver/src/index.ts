// Public surface of the pure scheduler solver. Each sub-module re-exports its own index.
export * from './roster';
export * from './curtois';
