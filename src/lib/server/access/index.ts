// Who may do what: one function per action, of the acting user and the object, checking role and
// ownership. Routes and API handlers call these and decide nothing themselves.
export { allow, type Actor } from './actor.ts';
export { courseStaff, isCourseTrainer, type CourseStaff } from './course-staff.ts';
export {
	canAssignCourseTrainers,
	canExportQuiz,
	canReadFacilitatorGuide,
	canViewItemAnalysis,
	canReadUnpublished,
	canViewResults
} from './courses.ts';
export { lessonAccess, worksheetAccess, type ReadVerdict } from './lessons.ts';
export { canContinueAttempt, canGrade, canGradeCourse, canReviewAttempt } from './attempts.ts';
export {
	canCreateCohort,
	canRunCohort,
	canViewLearner,
	cohortStaff,
	isCohortTrainer,
	learnerCohorts,
	visibleLearners,
	type CohortStaff
} from './cohorts.ts';
export { canDownloadCertificate, canRevokeCertificate } from './certificates.ts';
export { canAudit, canChangeRoles, canEraseAccount, canManageMunicipalities } from './users.ts';
export { canViewReports, reportScope } from './reports.ts';
