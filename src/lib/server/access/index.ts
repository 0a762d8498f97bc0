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
	canViewCohortMember,
	canViewLearner,
	cohortStaff,
	isCohortMember,
	isCohortTrainer,
	learnerCohorts,
	visibleLearners,
	type CohortStaff
} from './cohorts.ts';
export { canDownloadCertificate, canRevokeCertificate } from './certificates.ts';
export {
	canAudit,
	canChangeRoles,
	canCreateResetLink,
	canEraseAccount,
	canFindLearnerByEmail,
	canManageMunicipalities
} from './users.ts';
export { canReportOnCohort, canViewImpact, canViewReports, reportScope } from './reports.ts';
export { canHoldScope, grantableScopes } from './tokens.ts';
export {
	canCreateCourse,
	canEditDraft,
	canManageRoles,
	canPublish,
	canReadDraft,
	canTranslate,
	studioMembership,
	type StudioMembership
} from './studio.ts';
export { canComment, canDecideImportConflict, canResolveComment } from './studio-review.ts';
export { mediaAccess, type MediaAccess } from './media.ts';
