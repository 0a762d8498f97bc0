export * from './geo.ts';
export * from './users.ts';
export * from './audit.ts';
