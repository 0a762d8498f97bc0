// Who may do what: one function per action, of the acting user and the object, checking role and
// ownership. Routes and API handlers call these and decide nothing themselves.
export { allow, type Actor } from './actor.ts';
export { courseStaff, isCourseTrainer, type CourseStaff } from './course-staff.ts';
export {
	canAssignCourseTrainers,
	canExportQuiz,
	canViewItemAnalysis,
	canReadUnpublished,
	canViewResults
} from './courses.ts';
export { lessonAccess, type ReadVerdict } from './lessons.ts';
export { canContinueAttempt, canGrade, canReviewAttempt } from './attempts.ts';
export { canDownloadCertificate, canRevokeCertificate } from './certificates.ts';
export { canChangeRoles } from './users.ts';
export { canViewReports, reportScope } from './reports.ts';
