import { describe, expect, it } from 'vitest';
import {
	canCreateCourse,
	canEditDraft,
	canManageRoles,
	canPublish,
	canReadDraft,
	canTranslate,
	type Actor,
	type StudioMembership
} from '../../../src/lib/server/access/index.ts';

// The studio's rules, role × ownership: roles on one course say nothing about another.
const trainer: Actor = { id: 't', role: 'trainer', email: 't@example.tn' };
const admin: Actor = { id: 'a', role: 'admin', email: 'a@example.tn' };
const learner: Actor = { id: 'l', role: 'learner', email: 'l@example.tn' };
const on = (...roles: StudioMembership['roles']): StudioMembership => ({ courseId: 1, roles });
const none = on();
const owner = on({ role: 'owner', languages: null });
const editor = on({ role: 'editor', languages: null });
const frTranslator = on({ role: 'translator', languages: ['fr'] });
const reviewer = on({ role: 'reviewer', languages: null });

describe('studio access rules', () => {
	it('lets trainers and admins create a course, never a learner or a visitor', () => {
		expect(canCreateCourse(trainer)).toBe(true);
		expect(canCreateCourse(admin)).toBe(true);
		expect(canCreateCourse(learner)).toBe(false);
		expect(canCreateCourse(null)).toBe(false);
	});

	it('lets every studio role read the draft, and no trainer without one', () => {
		for (const m of [owner, editor, frTranslator, reviewer])
			expect(canReadDraft(trainer, m)).toBe(true);
		expect(canReadDraft(trainer, none)).toBe(false);
		expect(canReadDraft(admin, none)).toBe(true);
	});

	it('lets owners and editors edit, not translators, reviewers or admins without a role', () => {
		expect(canEditDraft(trainer, owner)).toBe(true);
		expect(canEditDraft(trainer, editor)).toBe(true);
		expect(canEditDraft(trainer, frTranslator)).toBe(false);
		expect(canEditDraft(trainer, reviewer)).toBe(false);
		expect(canEditDraft(admin, none)).toBe(false);
	});

	it('lets a translator write only their languages', () => {
		expect(canTranslate(trainer, frTranslator, 'fr')).toBe(true);
		expect(canTranslate(trainer, frTranslator, 'ar')).toBe(false);
		expect(canTranslate(trainer, editor, 'en')).toBe(true);
		expect(canTranslate(trainer, reviewer, 'fr')).toBe(false);
	});

	it('keeps publishing to the owner and roles to the owner and admins', () => {
		expect(canPublish(trainer, owner)).toBe(true);
		expect(canPublish(trainer, editor)).toBe(false);
		expect(canPublish(admin, none)).toBe(false);
		expect(canManageRoles(trainer, owner)).toBe(true);
		expect(canManageRoles(trainer, editor)).toBe(false);
		expect(canManageRoles(admin, none)).toBe(true);
	});

	it('gives nothing to a learner who was granted a studio role by mistake', () => {
		expect(canReadDraft(learner, owner)).toBe(false);
		expect(canEditDraft(learner, owner)).toBe(false);
		expect(canPublish(learner, owner)).toBe(false);
	});
});
