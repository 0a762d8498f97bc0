import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';
import { ORIGIN, postForm } from '../../helpers/forms.ts';
import { courseIdOf, signedIn } from '../access/staff.ts';
import { createStudioCourse } from '../../../src/lib/server/studio/create-course.ts';
import { grantStudioRole } from '../../../src/lib/server/studio/roles.ts';
import { draftText, saveDraftFile } from '../../../src/lib/server/studio/draft-files.ts';
import { parse } from 'yaml';
import { readQuestions } from '../../../src/lib/server/studio/quiz/quiz-yaml.ts';

// The studio's quiz pages through HTTP with plain forms, as a browser without JavaScript posts
// them: a refused answer key comes back as a 400 with the typed text, a GIFT file is checked
// (imported and refused lines) before it is imported, and each role does only what it may.
let h: TestApp;
type S = Awaited<ReturnType<typeof signedIn>>;
let owner: S, translator: S, reviewer: S, stranger: S;
const SLUG = 'quiz-studio';
const QUIZ = `/fr/studio/${SLUG}/quiz/introduction`;
const FILE = '01-introduction/quiz.yaml';
const courseId = () => courseIdOf(h.t.db, SLUG);
const quizText = () => draftText(h.t.db, courseId(), FILE);
const get = (url: string, cookie: string) =>
	h.app.inject({ url, headers: { accept: 'text/html', cookie } });
const hashIn = (html: string) => /name="hash" value="([^"]*)"/.exec(html)?.[1] ?? '';
const SINGLE = {
	id: 'who-votes',
	'prompt.ar': 'من يصوّت على الميزانية؟',
	'prompt.fr': 'Qui vote le budget ?',
	'options.0.text.ar': 'المجلس البلدي',
	'options.0.text.fr': 'Le conseil municipal',
	'options.1.text.ar': 'الوالي',
	'options.1.text.fr': 'Le gouverneur'
};

/** A multipart form with a file, as a browser sends an upload. */
function upload(url: string, fields: Record<string, string>, file: string, cookie: string) {
	const b = '----quiz' + Math.random().toString(16).slice(2);
	const part = (name: string, value: string, filename = '') =>
		`--${b}\r\ncontent-disposition: form-data; name="${name}"${filename ? `; filename="${filename}"\r\ncontent-type: text/plain` : ''}\r\n\r\n${value}\r\n`;
	const payload =
		Object.entries(fields)
			.map(([k, v]) => part(k, v))
			.join('') +
		part('file', file, 'questions.gift') +
		`--${b}--\r\n`;
	return h.app.inject({
		method: 'POST',
		url,
		headers: {
			accept: 'text/html',
			'content-type': `multipart/form-data; boundary=${b}`,
			origin: ORIGIN,
			cookie
		},
		payload: Buffer.from(payload, 'utf8')
	});
}

beforeAll(async () => {
	h = await buildTestApp({ kit: true });
	owner = await signedIn(h.app, h.t.db, 'hela@example.tn', 'trainer');
	translator = await signedIn(h.app, h.t.db, 'rim@example.tn', 'trainer');
	reviewer = await signedIn(h.app, h.t.db, 'nour@example.tn', 'trainer');
	stranger = await signedIn(h.app, h.t.db, 'other@example.tn', 'trainer');
	createStudioCourse(h.t.db, {
		actorId: owner.id,
		slug: SLUG,
		source: 'ar',
		titles: { ar: 'اختبارات', fr: 'Quiz' }
	});
	const head = draftText(h.t.db, courseId(), 'course.yaml')!;
	saveDraftFile(h.t.db, {
		courseId: courseId(),
		path: 'course.yaml',
		text: head.replace('locales: [ar]', 'locales: [ar, fr]'),
		actorId: owner.id,
		now: new Date()
	});
	const grant = (email: string, role: 'translator' | 'reviewer', languages: 'fr'[]) => {
		grantStudioRole(h.t.db, { actorId: owner.id, courseId: courseId(), email, role, languages });
	};
	grant('rim@example.tn', 'translator', ['fr']);
	grant('nour@example.tn', 'reviewer', []);
});
afterAll(() => h.close());

describe('writing a question without JavaScript', () => {
	it('refuses an answer key that cannot be satisfied with a 400, in French, beside the options, keeping what was typed', async () => {
		const form = await get(`${QUIZ}/question?type=single`, owner.cookie);
		expect(form.statusCode).toBe(200);
		expect(form.body).toContain('name="options.3.text.fr"');
		const res = await postForm(
			h.app,
			`${QUIZ}/question?type=single&/save`,
			{ ...SINGLE, hash: hashIn(form.body) },
			owner.cookie
		);
		expect(res.statusCode).toBe(400);
		expect(res.body).toContain('Marquez exactement une option comme bonne réponse');
		expect(res.body).toMatch(/id="err-options"/);
		expect(res.body).toContain('value="Le gouverneur"');
		expect(res.body).toContain('>Qui vote le budget ?</textarea>');
		expect(quizText()).toBeNull();
	});

	it('saves a good question into a new quiz file and shows it in the quiz', async () => {
		const form = await get(`${QUIZ}/question?type=single`, owner.cookie);
		const res = await postForm(
			h.app,
			`${QUIZ}/question?type=single&/save`,
			{ ...SINGLE, correct: '0', hash: hashIn(form.body) },
			owner.cookie
		);
		expect(res.statusCode).toBe(303);
		expect(res.headers.location).toBe(`${QUIZ}?saved=who-votes`);
		const q = readQuestions(quizText()!)[0];
		expect(q).toMatchObject({
			id: 'who-votes',
			type: 'single',
			prompt: { fr: 'Qui vote le budget ?' }
		});
		const page = await get(`${QUIZ}?saved=who-votes`, owner.cookie);
		expect(page.statusCode).toBe(200);
		expect(page.body).toContain('La question est enregistrée');
		expect(page.body).toContain('Qui vote le budget ?');
	});

	it('saves option feedback and general feedback per language, and an emptied one goes away', async () => {
		const form = await get(`${QUIZ}/question?id=who-votes`, owner.cookie);
		expect(form.body).toContain('name="options.1.feedback.ar"');
		const res = await postForm(
			h.app,
			`${QUIZ}/question?id=who-votes&/save`,
			{
				...SINGLE,
				correct: '0',
				'options.1.feedback.ar': 'لا، الوالي لا يصوّت على الميزانية.',
				'options.1.feedback.fr': 'Non : le gouverneur ne vote pas le budget.',
				'feedback.fr': 'Voir la leçon 2.',
				hash: hashIn(form.body)
			},
			owner.cookie
		);
		expect(res.statusCode).toBe(303);
		const text = quizText()!;
		const q = readQuestions(text)[0]!;
		expect((q.options as { feedback?: unknown }[])[1]?.feedback).toEqual({
			ar: 'لا، الوالي لا يصوّت على الميزانية.',
			fr: 'Non : le gouverneur ne vote pas le budget.'
		});
		expect(q.feedback).toEqual({ fr: 'Voir la leçon 2.' });
		const again = await get(`${QUIZ}/question?id=who-votes`, owner.cookie);
		expect(again.body).toContain('value="Non : le gouverneur ne vote pas le budget."');

		const emptied = await postForm(
			h.app,
			`${QUIZ}/question?id=who-votes&/save`,
			{
				...SINGLE,
				correct: '0',
				'options.1.feedback.ar': 'لا، الوالي لا يصوّت على الميزانية.',
				'options.1.feedback.fr': ' ',
				hash: hashIn(again.body)
			},
			owner.cookie
		);
		expect(emptied.statusCode).toBe(303);
		const after = readQuestions(quizText()!)[0]!;
		expect((after.options as { feedback?: unknown }[])[1]?.feedback).toEqual({
			ar: 'لا، الوالي لا يصوّت على الميزانية.'
		});
		expect(after).not.toHaveProperty('feedback');
	});

	it('refuses a save over a quiz changed since the form was opened, keeping the text', async () => {
		const form = await get(`${QUIZ}/question?id=who-votes`, owner.cookie);
		const stale = hashIn(form.body);
		const moved = await postForm(
			h.app,
			`${QUIZ}?/move`,
			{ id: 'who-votes', direction: 'down', hash: stale },
			owner.cookie
		);
		expect(moved.statusCode).toBe(200);
		await postForm(
			h.app,
			`${QUIZ}/question?type=truefalse&/save`,
			{ id: 'open-data', 'prompt.ar': 'البيانات مفتوحة', answer: 'true', hash: stale },
			owner.cookie
		);
		const late = await postForm(
			h.app,
			`${QUIZ}/question?type=truefalse&/save`,
			{ id: 'late', 'prompt.ar': 'نص متأخر', answer: 'true', hash: stale },
			owner.cookie
		);
		expect(late.statusCode).toBe(409);
		expect(late.body).toContain('نص متأخر');
	});
});

describe('importing a GIFT file', () => {
	const GIFT = [
		'::budget-public::الميزانية تُنشر للعموم. {T}',
		'',
		'::bad-line:: سؤال بلا نهاية {=نعم ~لا',
		'',
		'::doc-name::ما اسم وثيقة الميزانية؟ {=الميزانية}'
	].join('\n');

	it('shows what would be imported and what is refused, with line numbers, and imports on confirmation', async () => {
		const page = await get(QUIZ, owner.cookie);
		const preview = await upload(
			`${QUIZ}?/preview`,
			{ format: 'gift', locale: 'ar' },
			GIFT,
			owner.cookie
		);
		expect(preview.statusCode).toBe(200);
		const imported = /data-imported[\s\S]*?<\/ul>/.exec(preview.body)?.[0] ?? '';
		expect(imported).toContain('Ligne 1');
		expect(imported).toContain('Ligne 5');
		const refused = /data-refused[\s\S]*?<\/ul>/.exec(preview.body)?.[0] ?? '';
		expect(refused).toContain('Ligne 3');
		expect(readQuestions(quizText()!).map((q) => q.id)).not.toContain('budget-public');

		const confirm = await postForm(
			h.app,
			`${QUIZ}?/import`,
			{ source: GIFT, format: 'gift', locale: 'ar', hash: hashIn(page.body) },
			owner.cookie
		);
		expect(confirm.statusCode).toBe(200);
		expect(confirm.body).toContain('Questions importées');
		expect(readQuestions(quizText()!).map((q) => q.id)).toEqual(
			expect.arrayContaining(['budget-public', 'doc-name'])
		);
		expect(readQuestions(quizText()!).map((q) => q.id)).not.toContain('bad-line');
	});

	it('answers a file with nothing to import with a 400', async () => {
		const page = await get(QUIZ, owner.cookie);
		const res = await postForm(
			h.app,
			`${QUIZ}?/import`,
			{ source: 'pas une question {', format: 'gift', locale: 'ar', hash: hashIn(page.body) },
			owner.cookie
		);
		expect(res.statusCode).toBe(400);
		expect(res.body).toContain('Rien dans ce fichier');
	});
});

describe('the quiz settings', () => {
	const questionsOf = (t: string) => t.slice(t.indexOf('\nquestions:'));

	it('refuses a pass mark over 100 and a draw larger than the quiz with a 400 in French, keeping what was typed and writing nothing', async () => {
		const page = await get(QUIZ, owner.cookie);
		expect(page.body).toContain('action="?/settings"');
		const before = quizText();
		const res = await postForm(
			h.app,
			`${QUIZ}?/settings`,
			{ 'title.fr': 'Quiz', passMark: '150', attempts: '2', draw: '99', hash: hashIn(page.body) },
			owner.cookie
		);
		expect(res.statusCode).toBe(400);
		expect(res.body).toContain('Écrivez un nombre de 0 à 100');
		expect(res.body).toContain('Le quiz n’a que');
		expect(res.body).toContain('value="150"');
		expect(res.body).toContain('value="99"');
		expect(quizText()).toBe(before);
	});

	it("saves an editor's settings into the quiz file's own keys, the questions untouched", async () => {
		const page = await get(QUIZ, owner.cookie);
		const before = quizText()!;
		const res = await postForm(
			h.app,
			`${QUIZ}?/settings`,
			{
				'title.ar': 'اختبار المقدمة',
				'title.fr': 'Quiz : introduction',
				passMark: '70',
				attempts: '2',
				timeLimitMinutes: '15',
				shuffleQuestions: 'true',
				feedback: 'immediate',
				showAnswers: 'after-pass',
				hash: hashIn(page.body)
			},
			owner.cookie
		);
		expect(res.statusCode).toBe(200);
		expect(res.body).toContain('Réglages enregistrés');
		const after = quizText()!;
		expect(parse(after)).toMatchObject({
			title: { ar: 'اختبار المقدمة', fr: 'Quiz : introduction' },
			passMark: 70,
			attempts: 2,
			timeLimitMinutes: 15,
			shuffleQuestions: true,
			shuffleOptions: false,
			feedback: 'immediate',
			showAnswers: 'after-pass'
		});
		expect(questionsOf(after)).toBe(questionsOf(before));
		const again = await get(QUIZ, owner.cookie);
		expect(again.body).toContain('value="Quiz : introduction"');
	});

	it('is not offered to a translator or a reviewer, and refused to them', async () => {
		for (const who of [translator, reviewer]) {
			const page = await get(QUIZ, who.cookie);
			expect(page.statusCode).toBe(200);
			expect(page.body).not.toContain('action="?/settings"');
			const before = quizText();
			const res = await postForm(
				h.app,
				`${QUIZ}?/settings`,
				{ 'title.fr': 'Autre titre', passMark: '10', hash: hashIn(page.body) },
				who.cookie
			);
			expect(res.statusCode).toBe(403);
			expect(quizText()).toBe(before);
		}
	});
});

describe('who may do what', () => {
	it('lets a translator change their language only, and not add a question', async () => {
		const form = await get(`${QUIZ}/question?id=who-votes`, translator.cookie);
		expect(form.statusCode).toBe(200);
		const res = await postForm(
			h.app,
			`${QUIZ}/question?id=who-votes&/save`,
			{
				...SINGLE,
				'prompt.ar': 'تغيير',
				'prompt.fr': 'Qui adopte le budget ?',
				correct: '1',
				hash: hashIn(form.body)
			},
			translator.cookie
		);
		expect(res.statusCode).toBe(303);
		const q = readQuestions(quizText()!).find((x) => x.id === 'who-votes')!;
		expect(q.prompt).toEqual({ ar: 'من يصوّت على الميزانية؟', fr: 'Qui adopte le budget ?' });
		expect((q.options as { correct?: true }[])[0]?.correct).toBe(true);
		expect((await get(`${QUIZ}/question?type=single`, translator.cookie)).statusCode).toBe(404);
	});

	it('lets a reviewer read the quiz but change nothing, and a stranger not even see it', async () => {
		const page = await get(QUIZ, reviewer.cookie);
		expect(page.statusCode).toBe(200);
		expect(page.body).not.toContain('action="?/delete"');
		const before = quizText();
		const del = await postForm(
			h.app,
			`${QUIZ}?/delete`,
			{ id: 'who-votes', hash: hashIn(page.body) },
			reviewer.cookie
		);
		expect(del.statusCode).toBe(403);
		const save = await postForm(
			h.app,
			`${QUIZ}/question?id=who-votes&/save`,
			{ ...SINGLE, correct: '0', hash: hashIn(page.body) },
			reviewer.cookie
		);
		expect(save.statusCode).toBe(404);
		expect(quizText()).toBe(before);
		expect((await get(QUIZ, stranger.cookie)).statusCode).toBe(404);
	});
});
