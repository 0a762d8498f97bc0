import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { SLUG, type Report } from './problems.ts';
import { isLocale, type Locale, type LocalisedList } from '../../text/localised.ts';
import type { GlossaryTerm } from '../types.ts';
import type { Localised } from '../../text/localised.ts';
import { YamlObject } from './yaml-object.ts';
import { readYamlFile } from './yaml-source.ts';

/** Reads glossary.yaml (optional): unique ids, each term in every course locale. */
export function readGlossaryFile(
	file: string,
	report: Report,
	locales: readonly Locale[]
): GlossaryTerm[] {
	const read = readYamlFile(file, report, locales);
	if (!read?.root) return [];
	const o = new YamlObject(read.source, read.root);
	o.onlyKeys(['terms']);
	const terms: GlossaryTerm[] = [];
	const seen = new Map<string, Node>();
	for (const node of o.list('terms') ?? []) {
		if (!isMap(node)) {
			o.src.error(node, 'each term must be a map with an id and one text per locale');
			continue;
		}
		const t = new YamlObject(o.src, node);
		t.onlyKeys(['id', 'ar', 'fr', 'en', 'note', 'avoid']);
		const id = t.uniqueId(seen, 'term id');
		if (id === undefined) continue;
		if (!SLUG.test(id))
			t.src.error(t.node('id'), `term id "${id}" must use lowercase letters, digits and hyphens`);
		const text: Localised = {};
		for (const locale of locales) {
			if (!t.has(locale)) t.src.error(node, `term "${id}" is missing locale "${locale}"`);
			else text[locale] = t.string(locale);
		}
		const note = t.localised('note', { required: false }) ?? null;
		const avoid = readAvoid(t);
		terms.push({ id, text, note, ...(avoid ? { avoid } : {}) });
	}
	return terms;
}

/** Optional `avoid: { ar: [..], … }`: forms not to use; a locale may be left out. */
function readAvoid(t: YamlObject): LocalisedList | undefined {
	const o = t.object('avoid', { required: false });
	if (!o) return undefined;
	const out: LocalisedList = {};
	for (const pair of o.map.items) {
		const locale = isScalar(pair.key) ? pair.key.value : undefined;
		const value = pair.value as Node | null;
		const items = isSeq(value) ? (value.items as Node[]) : null;
		const texts = items?.flatMap((n) =>
			isScalar(n) && typeof n.value === 'string' && n.value.trim() !== '' ? [n.value.trim()] : []
		);
		if (!isLocale(locale))
			o.src.error(pair.key as Node, `"avoid" has unknown locale "${String(locale)}"`);
		else if (!texts || texts.length !== items?.length || texts.length === 0)
			o.src.error(value ?? (pair.key as Node), `"avoid.${locale}" must be a list of texts`);
		else out[locale] = texts;
	}
	return out;
}
