import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { setYamlValue } from '../../../src/lib/server/studio/yaml-edit.ts';
import { readLessonFields, writeLessonFields } from '../../../src/lib/server/studio/lesson-edit.ts';
import { appendSnippet } from '../../../src/lib/server/studio/snippets.ts';
import { bumpVersion } from '../../../src/lib/server/studio/publish.ts';

const COURSE = `slug: demo   # the folder name
version: 1.0.0
title:
  ar: "عنوان"   # kept
  fr: Titre
outcomes: { fr: [a, b] }
`;

describe('metadata edits keep the file as written', () => {
	it('changes one value and leaves every other byte, comments included', () => {
		const out = setYamlValue(COURSE, ['title', 'fr'], 'Nouveau titre');
		expect(out).toBe(COURSE.replace('fr: Titre', 'fr: Nouveau titre'));
		expect(setYamlValue(COURSE, ['version'], '1.1.0')).toBe(COURSE.replace('1.0.0', '1.1.0'));
	});

	it('quotes a value that plain YAML would read differently, and it reads back the same', () => {
		for (const v of ['oui: non', '# pas un commentaire', 'yes', '12', ' espace', 'عنوان: جديد']) {
			const out = setYamlValue(COURSE, ['title', 'fr'], v);
			expect((parse(out) as { title: { fr: unknown } }).title.fr).toBe(v);
		}
	});

	it('adds a key the file did not have', () => {
		const out = setYamlValue(COURSE, ['title', 'en'], 'Title');
		expect((parse(out) as { title: { en: string } }).title.en).toBe('Title');
	});
});

describe('lesson files', () => {
	const LESSON = '---\ntitle: درس   # c\nminutes: 5\nsources:\n  - "x"\n---\n\nنص 12.\n';

	it('reads title, minutes and body, and writes them back byte for byte when unchanged', () => {
		const f = readLessonFields(LESSON);
		expect(f).toEqual({ title: 'درس', minutes: '5', body: '\nنص 12.\n' });
		expect(writeLessonFields(LESSON, f)).toBe(LESSON);
	});

	it('stores the body with LF line ends when the browser sent CRLF', () => {
		const out = writeLessonFields(LESSON, { title: 'درس', minutes: '5', body: 'a\r\nb\r\n' });
		expect(out).toBe(LESSON.replace('\nنص 12.\n', 'a\nb\n'));
	});

	it('changes the title and minutes in the front matter only', () => {
		const out = writeLessonFields(LESSON, { title: 'Leçon: 1', minutes: '7', body: 'x' });
		expect(readLessonFields(out)).toEqual({ title: 'Leçon: 1', minutes: '7', body: 'x' });
		expect(out).toContain('sources:\n  - "x"\n');
	});
});

describe('toolbar and versions', () => {
	it('appends a STATUS box dated with the month', () => {
		expect(appendSnippet('Texte\n\n', 'status', '2026-12-01')).toBe(
			'Texte\n\n> [!STATUS 2026-12]\n> …\n'
		);
	});

	it('bumps semantic versions', () => {
		expect(bumpVersion('1.2.3', 'patch')).toBe('1.2.4');
		expect(bumpVersion('1.2.3', 'minor')).toBe('1.3.0');
		expect(bumpVersion('1.2.3', 'major')).toBe('2.0.0');
	});
});
