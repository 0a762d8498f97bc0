// Course images: a published version's images are public (its lessons show them to anyone who
// may read them, and an image tells nothing more); a draft's only to the course's studio roles.
import { and, eq, like } from 'drizzle-orm';
import type { DbLike } from '../db/index.ts';
import { courseMedia, draftFile } from '../db/schema/index.ts';
import type { Actor } from './actor.ts';
import { canReadDraft, studioMembership } from './studio.ts';

export type MediaAccess = 'public' | 'draft' | 'none';

/** Whether `actor` may fetch the copies of image `masterHash`, and how widely they may be cached. */
export function mediaAccess(db: DbLike, actor: Actor, masterHash: string): MediaAccess {
	const published = db
		.select({ c: courseMedia.courseId })
		.from(courseMedia)
		.where(eq(courseMedia.masterHash, masterHash))
		.limit(1)
		.get();
	if (published) return 'public';
	if (!actor) return 'none';
	const drafts = db
		.selectDistinct({ courseId: draftFile.courseId })
		.from(draftFile)
		.where(and(eq(draftFile.hash, masterHash), like(draftFile.path, 'media/%')))
		.all();
	return drafts.some((d) => canReadDraft(actor, studioMembership(db, actor, d.courseId)))
		? 'draft'
		: 'none';
}
