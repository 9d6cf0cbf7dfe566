export * from './bulk-sql';
export * from './data-source';
export * from './duplicate-key';
export * from './pii-cipher';
export * from './scope';
export * from './keyset';
export * from './transaction';
export * from './sql-migration';
