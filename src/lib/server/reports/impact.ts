// A course's public impact page: what a programme can say in public about a course, from the
// same report as partners read (report → suppression), so the small-cell rule holds here too.
import { sql } from 'drizzle-orm';
import type { DbLike } from '../db/index.ts';
import { canViewImpact } from '../access/reports.ts';
import type { CourseMeta } from '../courses/types.ts';
import type { Locale, Localised } from '../text/localised.ts';
import { NOT_STATED } from './filters.ts';
import { buildReport, type Count } from './indicators.ts';

export type CourseImpact = {
	course: { id: number; slug: string; title: Localised; locales: Locale[] };
	k: number;
	/** Learners holding a valid certificate of the course. */
	certified: Count;
	/** Governorates with at least k enrolled learners (fewer would reveal a small cell). */
	governoratesReached: number;
	/** Women among certificate holders; null when a count it comes from is hidden. */
	womenCertifiedShare: number | null;
	/** Certificate holders per governorate, in the report's order; hidden counts have no value. */
	byGovernorate: { governorateId: string; certified: Count }[];
};

/** The impact figures of a published course that opted in (`impact: public`), else null. */
export function courseImpact(db: DbLike, opts: { slug: string; k: number }): CourseImpact | null {
	const found = db.all<{ id: number; slug: string; meta: string }>(sql`
		select c.id, c.slug, json_remove(v.metadata, '$.glossary') as meta
		from course c join course_version v on v.id = c.published_version_id
		where c.slug = ${opts.slug} and not c.archived`)[0];
	if (!found) return null;
	const meta = JSON.parse(found.meta) as CourseMeta & { locales: Locale[] };
	if (!canViewImpact(meta)) return null;
	const report = buildReport(db, {
		filter: { courseId: found.id },
		scope: 'all',
		breakdown: ['governorate'],
		k: opts.k
	});
	const total = report.rows[report.rows.length - 1];
	const cells = report.rows.filter((r) => r.level === 'cell' && r.keys[0] !== NOT_STATED);
	return {
		course: { id: found.id, slug: found.slug, title: meta.title, locales: meta.locales },
		k: opts.k,
		certified: total?.counts.certified ?? { value: 0, hidden: true },
		// "At least k" reveals no small cell, even of a count hidden to protect another one.
		governoratesReached: cells.filter((r) => r.counts.enrolled.value >= opts.k).length,
		womenCertifiedShare: total?.womenCertifiedShare ?? null,
		byGovernorate: cells
			.filter((r) => r.counts.certified.hidden || r.counts.certified.value > 0)
			.map((r) => ({ governorateId: r.keys[0] ?? '', certified: r.counts.certified }))
	};
}
