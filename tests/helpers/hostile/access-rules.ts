// Who may open what: one rule per page route and API operation, keyed by route id or
// `METHOD /path/{template}`. Rules read actor attributes (see actors.ts), so a new role needs
// no new rule; a new route without a rule fails the access-matrix test.
import fs from 'node:fs';
import type { Actor } from './actors.ts';
import type { World } from './world.ts';

export type Verdict = 'allow' | 'signin' | 'deny';

export type Rule = {
	expect: (a: Actor) => Verdict;
	/** Parameters other than the owner's defaults (e.g. the submitted attempt for a review). */
	params?: (w: World) => Record<string, string>;
	/** A query string to probe with (e.g. a report narrowed to the owner's cohort). */
	query?: (w: World) => string;
	/** Set on rows whose expectation waits for work in another branch; the integrator flips it. */
	pending?: string;
};

const RANK = { learner: 0, partner: 0, trainer: 1, admin: 2 } as const;

const anyone = (): Verdict => 'allow';
const signedIn = (a: Actor): Verdict => (a.role ? 'allow' : 'signin');
const atLeast =
	(role: keyof typeof RANK) =>
	(a: Actor): Verdict =>
		!a.role ? 'signin' : RANK[a.role] >= RANK[role] ? 'allow' : 'deny';
/** The owner's attempts: only the owner (issue 10 §2). */
const ownerOnly = (a: Actor): Verdict => (!a.role ? 'signin' : a.owner ? 'allow' : 'deny');
/** Certificates: the holder, and admins (the code lets admins download for support). */
const holderOrAdmin = (a: Actor): Verdict =>
	!a.role ? 'signin' : a.owner || a.role === 'admin' ? 'allow' : 'deny';

/** Lessons past the first: the enrolled, and staff preparing the course (not a partner). */
const lessonReaders = (a: Actor): Verdict =>
	!a.role ? 'signin' : a.enrolled || a.role === 'trainer' || a.role === 'admin' ? 'allow' : 'deny';

/** A reader's own progress: for those enrolled in the course. */
const enrolledOnly = (a: Actor): Verdict => (!a.role ? 'signin' : a.enrolled ? 'allow' : 'deny');

/** Results and knowledge gain: admins and the course's own trainers only (issue 10 §2). */
const courseStaff = (a: Actor): Verdict =>
	!a.role ? 'signin' : a.role === 'admin' || a.courseTrainer ? 'allow' : 'deny';

/**
 * Worksheets follow the lesson rule (enrolled learners and staff). The probed course gets its
 * worksheets from its content branch; until its folder has some, every worksheet URL is a 404.
 */
const PROBED_COURSE_HAS_WORKSHEETS = fs.existsSync('courses/participatory-governance/worksheets');
const worksheetReaders = (a: Actor): Verdict =>
	!a.role ? 'signin' : PROBED_COURSE_HAS_WORKSHEETS ? lessonReaders(a) : 'deny';
/** A cohort's pages: its trainers and admins; a trainer of another cohort sees nothing of it. */
const cohortRunner = (a: Actor): Verdict =>
	!a.role ? 'signin' : a.role === 'admin' || a.cohortTrainer ? 'allow' : 'deny';

/** The essay queue: admins, the course's trainers and anyone running one of its cohorts. */
const gradingQueue = (a: Actor): Verdict =>
	!a.role
		? 'signin'
		: a.role === 'admin' || a.courseTrainer || a.cohortTrainer || a.otherCohortTrainer
			? 'allow'
			: 'deny';

/**
 * A course's impact page: public, but only for a course whose course.yaml opts in
 * (`impact: public`); otherwise it does not exist (404) for anyone.
 */
const PROBED_COURSE_IMPACT_PUBLIC = /^impact:\s*public\s*$/m.test(
	fs.readFileSync('courses/participatory-governance/course.yaml', 'utf8')
);
const impactReaders = (): Verdict => (PROBED_COURSE_IMPACT_PUBLIC ? 'allow' : 'deny');

/** Aggregate reports: partners, admins, and trainers (limited to their cohorts' figures). */
const reportReaders = (a: Actor): Verdict =>
	!a.role
		? 'signin'
		: a.role === 'partner' || a.role === 'admin' || a.role === 'trainer'
			? 'allow'
			: 'deny';

/**
 * A report narrowed to the probed cohort: partners and admins, and that cohort's trainers; a
 * trainer of another cohort (or of none) gets the 404 of a cohort that does not exist.
 */
const cohortReportReaders = (a: Actor): Verdict =>
	!a.role
		? 'signin'
		: a.role === 'partner' || a.role === 'admin' || a.cohortTrainer
			? 'allow'
			: 'deny';
const ownersCohortReport = (w: World) => `format=csv&cohort=${w.params(w.owner).cohortId ?? ''}`;

/** A course's draft in the studio: its studio roles (here its owner) and admins; nobody else. */
const studioReaders = (a: Actor): Verdict =>
	!a.role ? 'signin' : a.role === 'admin' || a.studioOwner ? 'allow' : 'deny';

/** Writing a draft's question: its owners, editors and translators; an admin with no role reads only. */
const studioWriters = (a: Actor): Verdict =>
	!a.role ? 'signin' : a.studioOwner ? 'allow' : 'deny';

export const PAGE_RULES: Record<string, Rule> = {
	'/': { expect: anyone },
	'/verify': { expect: anyone },
	'/verify/[code]': { expect: anyone },
	'/(auth)/signin': { expect: anyone },
	'/(auth)/register': { expect: anyone },
	'/(auth)/signout': { expect: anyone },
	'/(auth)/setup/[token]': { expect: anyone },
	// The token is the credential (a bogus one shows "no longer valid", 200).
	'/(auth)/set-password/[token]': { expect: anyone },
	'/(auth)/forgot-password': { expect: anyone },
	'/(auth)/account': { expect: signedIn },
	'/(auth)/account/export': { expect: signedIn },
	'/(auth)/account/delete': { expect: signedIn },
	// Anyone signed in lists and revokes their own tokens; creating one needs a grantable scope.
	'/(auth)/account/tokens': { expect: signedIn },
	'/(admin)/admin': { expect: atLeast('admin') },
	'/(admin)/admin/certificates': { expect: atLeast('admin') },
	'/(admin)/admin/courses': { expect: atLeast('admin') },
	'/(admin)/admin/audit': { expect: atLeast('admin') },
	'/(admin)/admin/audit/csv': { expect: atLeast('admin') },
	'/(admin)/admin/system': { expect: atLeast('admin') },
	'/(admin)/admin/municipalities': { expect: atLeast('admin') },
	'/(admin)/admin/conflicts': { expect: atLeast('admin') },
	'/(learn)/learn': { expect: signedIn },
	'/(learn)/courses': { expect: anyone },
	'/(learn)/courses/[slug]': { expect: anyone },
	// The second lesson: past the public preview, for enrolled learners and staff.
	'/(learn)/courses/[slug]/[module]/[lesson]': { expect: lessonReaders },
	'/(learn)/courses/[slug]/quiz/[quiz]': { expect: signedIn },
	'/(learn)/courses/[slug]/quiz/[quiz]/attempt/[attemptId]': { expect: ownerOnly },
	'/(learn)/courses/[slug]/quiz/[quiz]/attempt/[attemptId]/review': {
		expect: ownerOnly,
		params: (w) => ({
			attemptId: String(w.subject.submittedAttempt),
			quiz: w.subject.submittedQuiz
		})
	},
	'/(learn)/courses/[slug]/quiz/[quiz]/export.gift': { expect: courseStaff },
	'/(learn)/courses/[slug]/results': { expect: courseStaff },
	'/(learn)/courses/[slug]/analysis': { expect: courseStaff },
	'/(learn)/courses/[slug]/analysis/export': { expect: courseStaff },
	'/(learn)/courses/[slug]/grading': { expect: gradingQueue },
	'/(learn)/courses/[slug]/grading/[attemptId]': {
		expect: cohortRunner,
		params: (w) => ({ attemptId: String(w.subject.submittedAttempt) })
	},
	'/(learn)/courses/[slug]/worksheets/[ws]': {
		expect: worksheetReaders,
		params: (w) => ({ ws: w.worksheet ?? 'none' })
	},
	// The facilitator guide (a page saying there is none yet, when the course has none).
	'/(learn)/courses/[slug]/facilitator': { expect: courseStaff },
	'/(learn)/courses/[slug]/impact': { expect: impactReaders },
	'/reports': { expect: reportReaders },
	'/reports/export': { expect: cohortReportReaders, query: ownersCohortReport },
	'/(learn)/certificates': { expect: signedIn },
	// Anyone may see which cohort a live join code is for; joining (the form) needs an account.
	'/(learn)/join/[joinCode]': { expect: anyone },
	'/(trainer)/trainer/cohorts': { expect: atLeast('trainer') },
	'/(trainer)/trainer/cohorts/[cohortId]': { expect: cohortRunner },
	'/(trainer)/trainer/cohorts/[cohortId]/manage': { expect: cohortRunner },
	'/(studio)/studio': { expect: atLeast('trainer') },
	'/(studio)/studio/[slug]': { expect: studioReaders },
	// The probed course's second lesson in English (the world's `lang`).
	'/(studio)/studio/[slug]/[module]/[lesson]/[lang]': { expect: studioReaders },
	'/(studio)/studio/[slug]/[module]/[lesson]/[lang]/comments': { expect: studioReaders },
	'/(studio)/studio/[slug]/media': { expect: studioReaders },
	'/(studio)/studio/[slug]/files': { expect: studioReaders },
	'/(studio)/studio/[slug]/files/draft.zip': { expect: studioReaders },
	// The translator's list, side-by-side translation (the world's `lang`, English, is a target
	// of the probed course) and the draft-vs-published changes: every studio role reads them.
	'/(studio)/studio/[slug]/translate': { expect: studioReaders },
	'/(studio)/studio/[slug]/translate/[module]/[lesson]/[lang]': { expect: studioReaders },
	'/(studio)/studio/[slug]/changes': { expect: studioReaders },
	// A quiz of the draft (the final assessment, which every course has), and one question's form.
	'/(studio)/studio/[slug]/quiz/[quiz]': {
		expect: studioReaders,
		params: () => ({ quiz: 'final' })
	},
	'/(studio)/studio/[slug]/quiz/[quiz]/question': {
		expect: studioWriters,
		params: () => ({ quiz: 'final' }),
		query: () => 'type=single'
	},
	// The lesson editor's autosave endpoint (GET: the lesson as the draft holds it, as JSON).
	'/(studio)/studio/[slug]/[module]/[lesson]/[lang]/draft': { expect: studioReaders },
	// One learner's record: the owner is a member of the probed cohort (the victim is not; see
	// tests/integration/cohorts/learner-page.test.ts for that probe).
	'/(trainer)/trainer/cohorts/[cohortId]/learners/[userId]': {
		expect: cohortRunner,
		params: (w) => ({ userId: w.userId[w.owner] ?? 'none' })
	},
	'/(trainer)/trainer/cohorts/[cohortId]/export': { expect: cohortRunner },
	'/(trainer)/trainer/cohorts/[cohortId]/roster': { expect: cohortRunner },
	'/(learn)/certificates/[code]/credential': { expect: holderOrAdmin },
	'/(learn)/certificates/[code]/pdf/[lang]': { expect: holderOrAdmin }
};

export const API_RULES: Record<string, Rule> = {
	'GET /healthz': { expect: anyone },
	// Off (404) unless METRICS_TOKEN is set, and then only for the token's bearer: no actor passes.
	'GET /metrics': { expect: () => 'deny' },
	'GET /.well-known/jwks.json': { expect: anyone },
	// A hash no image has: 404 for everyone. Published images are public, a draft's are for its
	// studio roles only: probed in tests/integration/studio/media.test.ts.
	'GET /media/{file}': { expect: () => 'deny' },
	'GET /api/v1/me': { expect: signedIn },
	'GET /api/v1/governorates': { expect: anyone },
	'GET /api/v1/courses': { expect: anyone },
	'GET /api/v1/courses/{slug}': { expect: anyone },
	'GET /api/v1/me/enrolments': { expect: signedIn },
	'POST /api/v1/me/lessons/{lessonId}/scroll': { expect: enrolledOnly },
	'GET /api/v1/attempts/{id}': { expect: ownerOnly },
	'POST /api/v1/attempts/{id}/answers/{questionId}': { expect: ownerOnly },
	'POST /api/v1/attempts/{id}/answers/{questionId}/check': { expect: ownerOnly },
	'POST /api/v1/attempts/{id}/submit': { expect: ownerOnly },
	'GET /api/v1/certificates/{code}': { expect: anyone },
	'POST /api/v1/credentials/verify': { expect: anyone },
	// With the session cookie here; tokens (Authorization: Bearer) in tests/integration/reports/api.test.ts.
	'GET /api/v1/reports': { expect: cohortReportReaders, query: ownersCohortReport },
	'GET /api/v1/reports/courses': { expect: reportReaders }
};

/** Routes that have no rule: each one fails the matrix. */
export function missingRules(ids: string[], rules: Record<string, Rule>): string[] {
	return ids.filter((id) => !(id in rules));
}

/** What an answer means for access. */
export function verdictOf(status: number, location: string): Verdict | 'error' {
	if (status >= 500 || status === 0) return 'error';
	if (status === 401) return 'signin';
	if (status >= 300 && status < 400) return /\/signin(\?|$)/.test(location) ? 'signin' : 'allow';
	if (status === 403 || status === 404) return 'deny';
	// Past the guard: the request was read and judged on its content (400, 409, 415, 422…).
	return 'allow';
}
