export * from './output-payslip';
export * from './safe-text';
export * from './bank-files';
export * from './register';
export * from './cost-postings';
export * from './declarations';
