export * from './envelope';
export * from './common';
export * from './base-data';
export * from './customers';
export * from './channels';
export * from './csp';
export * from './validation';
