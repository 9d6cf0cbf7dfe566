export * from './balance';
export * from './booking';
export * from './appropriation';
export * from './fiscal-year';
export * from './report';
export * from './books';
