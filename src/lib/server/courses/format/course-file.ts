import fs from 'node:fs';
import path from 'node:path';
import { isScalar, type Node } from 'yaml';
import { START, type Report } from './problems.ts';
import { isLocale, type Locale } from '../../text/localised.ts';
import type { CourseMeta } from '../types.ts';
import { YamlObject } from './yaml-object.ts';
import { YamlSource } from './yaml-source.ts';

export type CourseFile = { slug: string; version: string; locales: Locale[]; meta: CourseMeta };

const KEYS = [
	'slug',
	'version',
	'locales',
	'theme',
	'level',
	'hours',
	'authors',
	'licence',
	'reviewed',
	'evidence',
	'published',
	'enrolmentKey',
	'title',
	'summary',
	'audience',
	'outcomes',
	'completion',
	'pretest',
	'trainers',
	'impact'
];
const SEMVER = /^\d+\.\d+\.\d+$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
// The same shape the sign-up form accepts: something@something.tld, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Reads course.yaml; `folderSlug` is the course folder's name without its number. */
export function readCourseFile(
	file: string,
	report: Report,
	folderSlug: string
): CourseFile | null {
	const src = new YamlSource(file, report, []);
	if (!fs.existsSync(file)) {
		report.error(file, START, 'missing course.yaml');
		return null;
	}
	const root = src.parseMap(fs.readFileSync(file, 'utf8'));
	if (!root) return null;
	const o = new YamlObject(src, root);
	o.onlyKeys(KEYS);
	src.locales = readLocales(o);
	const slug = o.string('slug');
	if (slug !== undefined && slug !== folderSlug) {
		o.src.error(o.node('slug'), `slug "${slug}" does not match the folder name "${folderSlug}"`);
	}
	const version = o.string('version');
	if (version !== undefined && !SEMVER.test(version)) {
		src.error(
			o.node('version'),
			`"version" must be a semantic version such as 1.0.0, got "${version}"`
		);
	}
	const reviewed = o.string('reviewed');
	if (reviewed !== undefined && !DATE.test(reviewed)) {
		src.error(
			o.node('reviewed'),
			`"reviewed" must be a date written YYYY-MM-DD, got "${reviewed}"`
		);
	}
	if (o.has('hours')) src.warn(o.node('hours'), 'hours are computed: remove it');
	const evidence = readEvidence(o);
	const meta: Partial<CourseMeta> = {
		theme: o.oneOf('theme', ['urban-planning', 'participatory-governance', 'gender', 'other']),
		level: o.oneOf('level', ['introductory', 'intermediate', 'advanced']),
		hours: 0,
		authors: readTexts(o, 'authors'),
		licence: o.string('licence'),
		reviewed,
		evidence,
		published: o.boolean('published'),
		enrolmentKey: o.string('enrolmentKey', { required: false }) ?? null,
		title: o.localised('title'),
		summary: o.localised('summary'),
		audience: o.localised('audience'),
		outcomes: o.localisedList('outcomes', { min: 3, max: 6 }),
		completion: readCompletion(o),
		pretest: o.number('pretest', { required: false, integer: true, min: 1 }) ?? null,
		trainers: readTrainers(o),
		impact: o.oneOf('impact', ['public', 'private'], { required: false }) ?? 'private'
	};
	if (slug === undefined || version === undefined || src.locales.length === 0) return null;
	return { slug, version, locales: [...src.locales], meta: meta as CourseMeta };
}

/** `evidence: YYYY-MM`, the month of the newest source; a warning while courses adopt it. */
function readEvidence(o: YamlObject): string | null {
	if (!o.has('evidence')) {
		o.src.warn(
			o.map,
			'missing "evidence: YYYY-MM" (the month of the most recent source the course relies on)'
		);
		return null;
	}
	const node = o.node('evidence');
	const value = isScalar(node) ? node.value : undefined;
	if (typeof value === 'string' && MONTH.test(value)) return value;
	o.src.error(node, `"evidence" must be a year and month written YYYY-MM, got ${String(value)}`);
	return null;
}

function readLocales(o: YamlObject): Locale[] {
	const nodes = o.list('locales') ?? [];
	const out: Locale[] = [];
	for (const node of nodes) {
		const value = isScalar(node) ? node.value : undefined;
		if (!isLocale(value)) o.src.error(node, `unknown locale "${String(value)}" (use ar, fr or en)`);
		else if (out.includes(value)) o.src.error(node, `locale "${value}" is listed twice`);
		else out.push(value);
	}
	if (nodes.length > 0 && out.length === 0)
		o.src.error(o.node('locales'), '"locales" must list at least one locale');
	return out;
}

function readTexts(o: YamlObject, key: string): string[] | undefined {
	const nodes = o.list(key);
	const texts = nodes?.map((n: Node) =>
		isScalar(n) && typeof n.value === 'string' ? n.value : undefined
	);
	if (!texts || texts.length === 0 || texts.some((t) => t === undefined)) {
		if (nodes) o.src.error(o.node(key), `"${key}" must be a list of at least one text`);
		return undefined;
	}
	return texts as string[];
}

/** Optional `trainers:` emails, lower-cased: the accounts that follow this course's results. */
function readTrainers(o: YamlObject): string[] {
	const nodes = o.list('trainers', { required: false }) ?? [];
	const out: string[] = [];
	for (const node of nodes) {
		const value = isScalar(node) ? node.value : undefined;
		const email = typeof value === 'string' ? value.trim().toLowerCase() : '';
		if (!EMAIL.test(email))
			o.src.error(node, `"trainers" lists emails such as name@example.org, got "${String(value)}"`);
		else if (out.includes(email)) o.src.error(node, `trainer "${email}" is listed twice`);
		else out.push(email);
	}
	return out;
}

function readCompletion(o: YamlObject): CourseMeta['completion'] | undefined {
	const c = o.object('completion');
	if (!c) return undefined;
	c.onlyKeys(['lessons', 'moduleQuizzes', 'passMark', 'certificate', 'assignments', 'finalOpens']);
	return {
		lessons: c.oneOf('lessons', ['all', 'none']) ?? 'all',
		moduleQuizzes: c.oneOf('moduleQuizzes', ['passed', 'none']) ?? 'passed',
		passMark: c.number('passMark', { min: 0, max: 100 }) ?? 70,
		certificate:
			c.oneOf('certificate', ['completion', 'participation', 'both', 'none']) ?? 'completion',
		assignments:
			c.oneOf('assignments', ['none', 'submitted', 'graded'], { required: false }) ?? 'none',
		finalOpens:
			c.oneOf('finalOpens', ['afterQuizzes', 'always'], { required: false }) ?? 'afterQuizzes'
	};
}

/** The part of a folder name after its `NN-` number, and the number (0 when there is none). */
export function splitNumbered(name: string): { position: number; slug: string } | null {
	const [, position, slug] = /^(\d{2})-(.+)$/.exec(name) ?? [];
	return position !== undefined && slug !== undefined ? { position: Number(position), slug } : null;
}

export const courseFolderSlug = (dir: string): string => {
	const base = path.basename(dir);
	return splitNumbered(base)?.slug ?? base;
};
