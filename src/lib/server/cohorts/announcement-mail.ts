// A trainer's announcement, also by mail when this installation sends mail (issue 13): each
// member of the cohort gets it in their own language, with the way back to "My learning".
// Posting the announcement is the caller's; it calls this after the post is saved and does not
// wait for it (sendMail logs failures and never throws).
import { and, eq, isNull } from 'drizzle-orm';
import type { DbLike } from '../db/index.ts';
import { cohort, cohortAnnouncement, cohortMember, user } from '../db/schema/index.ts';
import { mailConfigured, sendMail, type MailLog, type MailSettings } from '../mail/transport.ts';
import { announcementMail } from '../mail/templates.ts';

const AT_ONCE = 4;

/** Mails one announcement to the cohort's members; counts what was sent and what failed. */
export async function notifyAnnouncement(
	db: DbLike,
	{
		announcementId,
		origin,
		mail,
		log
	}: { announcementId: number; origin: URL; mail: MailSettings; log?: MailLog }
): Promise<{ sent: number; failed: number }> {
	if (!mailConfigured(mail)) return { sent: 0, failed: 0 };
	const post = db
		.select({ body: cohortAnnouncement.body, cohortId: cohort.id, cohortName: cohort.name })
		.from(cohortAnnouncement)
		.innerJoin(cohort, eq(cohort.id, cohortAnnouncement.cohortId))
		.where(eq(cohortAnnouncement.id, announcementId))
		.get();
	if (!post) return { sent: 0, failed: 0 };
	const members = db
		.select({ email: user.email, locale: user.locale })
		.from(cohortMember)
		.innerJoin(user, eq(user.id, cohortMember.userId))
		.where(and(eq(cohortMember.cohortId, post.cohortId), isNull(user.erasedAt)))
		.all();
	let sent = 0;
	for (let i = 0; i < members.length; i += AT_ONCE) {
		const batch = members.slice(i, i + AT_ONCE);
		const results = await Promise.all(
			batch.map((m) =>
				sendMail(
					mail,
					{
						to: m.email,
						...announcementMail(m.locale, {
							cohort: post.cohortName,
							body: post.body,
							link: new URL(`/${m.locale}/learn`, origin).href
						})
					},
					log
				)
			)
		);
		sent += results.filter(Boolean).length;
	}
	return { sent, failed: members.length - sent };
}
