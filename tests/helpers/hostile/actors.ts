// Who the hostile-input suites act as. Adding a role (partner, cohort trainer…) is one line here;
// access rules speak of these attributes, never of the names, so they cover the new line at once.
import type { Role } from '../../../src/lib/server/db/schema/index.ts';

export type Actor = {
	/** Account role; absent for an anonymous visitor. */
	role?: Role;
	/** Holds the probed attempt and certificate (the owner in ownership probes). */
	owner?: boolean;
	/** Enrolled in the probed course (and so has an attempt of their own). */
	enrolled?: boolean;
	/** Named as a trainer of the probed course (course.yaml `trainers:` or an admin). */
	courseTrainer?: boolean;
	/** Runs the probed cohort, whose members include the owner. */
	cohortTrainer?: boolean;
	/** Runs another cohort of the same course (an IDOR probe on the first one's pages). */
	otherCohortTrainer?: boolean;
	/** Owns the probed course in the studio (course role 'owner'). */
	studioOwner?: boolean;
	/** Owns another course in the studio (an IDOR probe on the first one's draft). */
	otherStudioOwner?: boolean;
};

export const ACTORS = {
	anonymous: {},
	learnerA: { role: 'learner', enrolled: true, owner: true },
	learnerB: { role: 'learner', enrolled: true },
	trainer: { role: 'trainer' },
	courseTrainer: { role: 'trainer', courseTrainer: true },
	cohortTrainer: { role: 'trainer', cohortTrainer: true },
	otherCohortTrainer: { role: 'trainer', otherCohortTrainer: true },
	studioOwner: { role: 'trainer', studioOwner: true },
	otherStudioOwner: { role: 'trainer', otherStudioOwner: true },
	admin: { role: 'admin' },
	partner: { role: 'partner' }
} as const satisfies Record<string, Actor>;

export type ActorName = keyof typeof ACTORS;
export const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];
