export * from './geo.ts';
export * from './users.ts';
export * from './audit.ts';
export * from './courses.ts';
export * from './learning.ts';
export * from './quiz-attempts.ts';
export * from './certificates.ts';
export * from './course-roles.ts';
