import { describe, expect, it } from 'vitest';
import {
	translationStatus,
	translationWork
} from '../../../src/lib/server/studio/translation-status.ts';
import type { Outline } from '../../../src/lib/server/studio/outline.ts';

describe('translation status of a lesson in one language', () => {
	it('is the source for the source language, whatever else holds', () => {
		expect(translationStatus({ isSource: true, savedSourceHash: undefined, sourceHash: 'a' })).toBe(
			'source'
		);
	});
	it('is missing without a translation file', () => {
		expect(
			translationStatus({ isSource: false, savedSourceHash: undefined, sourceHash: 'a' })
		).toBe('missing');
	});
	it('is up to date while the source has the hash recorded at the last save', () => {
		expect(translationStatus({ isSource: false, savedSourceHash: 'a', sourceHash: 'a' })).toBe(
			'current'
		);
	});
	it('is outdated once the source changed, lost its file, or no source hash was recorded', () => {
		expect(translationStatus({ isSource: false, savedSourceHash: 'a', sourceHash: 'b' })).toBe(
			'outdated'
		);
		expect(
			translationStatus({ isSource: false, savedSourceHash: 'a', sourceHash: undefined })
		).toBe('outdated');
		expect(
			translationStatus({ isSource: false, savedSourceHash: null, sourceHash: undefined })
		).toBe('outdated');
	});
});

describe("a translator's list", () => {
	const lesson = (slug: string, fr: 'missing' | 'current' | 'outdated') => ({
		slug,
		stem: `01-m/01-${slug}`,
		title: slug,
		languages: [
			{ locale: 'ar' as const, status: 'source' as const, path: '' },
			{ locale: 'fr' as const, status: fr, path: '' },
			{ locale: 'en' as const, status: 'current' as const, path: '' }
		]
	});
	const outline: Outline = {
		title: 'T',
		titles: {},
		source: 'ar',
		changes: 0,
		completeness: {} as Outline['completeness'],
		modules: [
			{
				slug: 'm',
				dir: '01-m',
				title: 'M',
				titles: {},
				lessons: [lesson('a', 'current'), lesson('b', 'outdated'), lesson('c', 'missing')]
			}
		]
	};

	it('lists, per target language, the lessons missing or outdated in course order', () => {
		const work = translationWork(outline, ['ar', 'fr', 'en']);
		expect(work.map((w) => w.locale)).toEqual(['fr', 'en']);
		expect(work[0]).toMatchObject({ done: 1, total: 3 });
		expect(work[0]!.todo.map((t) => [t.lesson, t.status])).toEqual([
			['b', 'outdated'],
			['c', 'missing']
		]);
		expect(work[1]).toMatchObject({ done: 3, total: 3, todo: [] });
	});
});
