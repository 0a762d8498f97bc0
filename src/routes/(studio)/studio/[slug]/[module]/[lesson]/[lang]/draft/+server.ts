import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { DomainError } from '$lib/server/errors';
import { readLessonDraft, hashOf } from '$lib/server/studio/lesson-draft';
import { refusal } from '$lib/i18n/errors.server';
import { openLesson, saveOpenLesson } from '../lesson.server';

// The editor's autosave, as JSON: the same save (rule, locking, audit) as the page's form.
// PUT { hash, title, minutes, body } → 200 { hash } | 409 { error: 'draft_changed', theirs }.
// JSON only: a form from another site cannot send it without a CORS preflight we never grant.

const answer = (e: unknown) => {
	const r = refusal(e);
	return json(
		{ error: e instanceof DomainError ? e.code : 'error', message: r.message },
		{ status: r.status }
	);
};

/** The lesson as the draft holds it now (null fields: no file in this language yet). */
export const GET: RequestHandler = (event) => {
	const { course, path } = openLesson(event);
	const draft = readLessonDraft(event.locals.ctx.db, { courseId: course.id, path });
	return json({ hash: hashOf(draft), fields: draft?.fields ?? null });
};

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export const PUT: RequestHandler = async (event) => {
	const type = event.request.headers.get('content-type')?.split(';')[0]?.trim();
	if (type !== 'application/json') return json({ error: 'unsupported_type' }, { status: 415 });
	let body: Record<string, unknown>;
	try {
		body = ((await event.request.json()) ?? {}) as Record<string, unknown>;
	} catch {
		return answer(new DomainError('required'));
	}
	const hash = text(body.hash);
	const fields = { title: text(body.title), minutes: text(body.minutes), body: text(body.body) };
	if (hash === null || fields.title === null || fields.minutes === null || fields.body === null)
		return answer(new DomainError('required'));
	try {
		const outcome = saveOpenLesson(event, {
			fields: { title: fields.title, minutes: fields.minutes, body: fields.body },
			hash
		});
		if (outcome.ok) return json({ hash: outcome.hash });
		const r = refusal(new DomainError('draft_changed'));
		return json(
			{ error: 'draft_changed', message: r.message, theirs: outcome.theirs },
			{ status: 409 }
		);
	} catch (e) {
		return answer(e);
	}
};
