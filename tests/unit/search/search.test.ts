import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import {
	indexText,
	matchQuery,
	strippedForms,
	withoutArticle
} from '../../../src/lib/server/search/tokens.ts';
import { snippet } from '../../../src/lib/server/search/snippet.ts';
import { rebuildSearchIndex } from '../../../src/lib/server/search/index-build.ts';
import { searchCourses } from '../../../src/lib/server/search/query.ts';
import { importCourses } from '../../../src/lib/server/courses/import/import-courses.ts';
import { listCourses } from '../../../src/lib/server/learning/catalog.ts';
import { createTestDb, type TestDb } from '../../helpers/db.ts';

describe('search terms', () => {
	it('index Arabic words also without their attached article', () => {
		expect(withoutArticle('الميزانية')).toBe('الميزانية'.slice(2));
		expect(withoutArticle('والمشاركة')).toBe('مشاركة');
		expect(withoutArticle('ال')).toBeNull();
		expect(withoutArticle('budget')).toBeNull();
		expect(indexText('الميزانيَّة التشاركية').split(' ')).toEqual([
			'الميزانيه',
			'التشاركيه',
			'ميزانيه',
			'تشاركيه'
		]);
	});

	it('index Arabic words also without a leading و, keeping the whole word', () => {
		expect(indexText('وبلدية').split(' ')).toEqual(['وبلديه', 'بلديه']);
		expect(strippedForms('وللبلديه')).toEqual(['للبلديه', 'بلديه']);
		expect(strippedForms('والمشاركه')).toEqual(['مشاركه', 'المشاركه']);
		// و as a root letter: the whole word is still indexed, so وزارة and ولاية are found.
		expect(indexText('وزارة ولاية وثيقة').split(' ').slice(0, 3)).toEqual([
			'وزاره',
			'ولايه',
			'وثيقه'
		]);
		// Too short to be a word once و is gone: ولد, وفي are left alone.
		expect(strippedForms('ولد')).toEqual([]);
		expect(strippedForms('وفي')).toEqual([]);
		expect(strippedForms('vote')).toEqual([]);
	});

	it('never strip و from what the user types', () => {
		expect(matchQuery('وزارة')).toBe('"وزاره"*');
		expect(matchQuery('ولاية')).toBe('"ولايه"*');
	});

	it('quote every term so nothing typed is read as FTS5 syntax', () => {
		expect(matchQuery('budget OR "x" NEAR(a b)')).toBe('"budget"* "or"* "near"*');
		expect(matchQuery('  ')).toBeNull();
		expect(matchQuery('a')).toBeNull();
	});
});

describe('snippets', () => {
	it('mark matches in the original letters, diacritics and all', () => {
		const text = 'تعتمد البلدية على الميزانيَّة التشاركية لتحديد الأولويات.';
		const segs = snippet(text, 'ميزانية');
		expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['ميزانيَّة']);
		expect(segs.map((s) => s.text).join('')).toBe(text);
	});

	it('find French words typed without accents', () => {
		const segs = snippet('La concertation préalable réunit les habitants.', 'prealable');
		expect(segs.find((s) => s.mark)?.text).toBe('préalable');
	});

	it('cut long texts around the first match, on word boundaries', () => {
		const long = `${'mot '.repeat(200)}budget participatif ${'fin '.repeat(200)}`;
		const segs = snippet(long, 'budget', { radius: 30 });
		const joined = segs.map((s) => s.text).join('');
		expect(joined.startsWith('… ')).toBe(true);
		expect(joined.endsWith(' …')).toBe(true);
		expect(joined.length).toBeLessThan(150);
	});
});

describe('searching the shipped courses', () => {
	let t: TestDb;
	beforeAll(() => {
		t = createTestDb();
		importCourses(t.db, { dir: path.resolve('courses') });
		rebuildSearchIndex(t.db);
	});
	afterAll(() => {
		t.close();
	});
	const search = (query: string) => {
		const courses = listCourses(t.db);
		const summaries = new Map(courses.map((c) => [c.id, { title: c.title, summary: c.summary }]));
		const hits = searchCourses(t.db, { query, courseIds: courses.map((c) => c.id), summaries });
		return hits.map((h) => courses.find((c) => c.id === h.courseId)?.slug);
	};

	it('finds Arabic text typed without diacritics, with another alef, or ه for ة', () => {
		const plain = search('الميزانية التشاركية');
		expect(plain).toContain('participatory-governance');
		expect(search('الميزانيه التشاركيه')).toEqual(plain);
		expect(search('المِيزَانِيَّة')).toEqual(search('الميزانية'));
		expect(search('ارنشتاين')).toEqual(search('أرنشتاين'));
	});

	it('finds a word inside its article form', () => {
		expect(search('ميزانية')).toContain('participatory-governance');
	});

	it('finds a word written with the conjunction و attached', () => {
		// كراسات appears in the shipped courses only as وكراسات.
		expect(search('كراسات')).toEqual(['gender-responsive-governance']);
		expect(search('وكراسات')).toEqual(['gender-responsive-governance']);
	});

	it('still finds words that begin with و as a root letter', () => {
		expect(search('وزارة').length).toBeGreaterThan(0);
		expect(search('ولاية').length).toBeGreaterThan(0);
	});

	it('finds مساءلة when typed with the common spelling مسائلة', () => {
		const right = search('مساءلة');
		expect(right.length).toBeGreaterThan(0);
		expect(search('مسائلة')).toEqual(right);
	});

	it('finds French with or without accents, and English', () => {
		expect(search('egalite')).toEqual(search('égalité'));
		expect(search('égalité')).toContain('gender-responsive-governance');
		expect(search('SymbioCity')).toEqual(['strategic-urban-planning']);
	});

	it('returns nothing for words no course contains', () => {
		expect(search('zzzqqq')).toEqual([]);
	});
});
