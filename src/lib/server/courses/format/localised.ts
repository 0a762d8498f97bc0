import { isScalar, isSeq, type Node } from 'yaml';
import { isLocale, type Locale, type Localised, type LocalisedList } from '../../text/localised.ts';
import type { YAMLMap } from 'yaml';
import { kindOf, type YamlSource } from './yaml-source.ts';
export type Opt = { required?: boolean };
export type ListOpt = Opt & { min?: number; max?: number };

/**
 * What reading a localised key needs from a YAML object. YamlObject provides it; naming the
 * shape here instead of importing YamlObject keeps the two modules out of an import cycle.
 */
type MapReader = {
	readonly src: YamlSource;
	object(
		key: string,
		opt?: Opt
	): (MapReader & { readonly map: YAMLMap; node(key: string): Node | undefined }) | undefined;
};

/** `{ ar: …, fr: … }` with non-empty text for every course locale. */
export function readLocalised(o: MapReader, key: string, opt: Opt): Localised | undefined {
	return perLocale(o, key, opt, (node, locale) => {
		if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '')
			return node.value;
		o.src.error(node, `"${key}.${locale}" must be text, got ${kindOf(node)}`);
		return undefined;
	});
}

/** `{ ar: [..], fr: [..] }` with `min` to `max` non-empty texts in every course locale. */
export function readLocalisedList(
	o: MapReader,
	key: string,
	{ min = 1, max, ...opt }: ListOpt
): LocalisedList | undefined {
	return perLocale(o, key, opt, (node, locale) => {
		const items = isSeq(node) ? (node.items as Node[]) : [];
		const texts = items.flatMap((n) =>
			isScalar(n) && typeof n.value === 'string' && n.value.trim() !== '' ? [n.value] : []
		);
		if (!isSeq(node) || texts.length !== items.length) {
			o.src.error(node, `"${key}.${locale}" must be a list of texts`);
			return undefined;
		}
		if (items.length < min || (max !== undefined && items.length > max)) {
			const want = max === undefined ? `at least ${min}` : `${min} to ${max}`;
			const message =
				items.length === 0 ? 'must not be empty' : `must have ${want} items, has ${items.length}`;
			o.src.error(node, `"${key}.${locale}" ${message}`);
		}
		return texts;
	});
}

/**
 * Every course locale must be there; a known locale the course does not list is kept (a translation
 * under way), an unknown one is an error.
 */
function perLocale<T>(
	o: MapReader,
	key: string,
	{ required = true }: Opt,
	read: (node: Node, locale: Locale) => T | undefined
) {
	const obj = o.object(key, { required });
	if (!obj) return undefined;
	const out: Partial<Record<Locale, T>> = {};
	for (const pair of obj.map.items) {
		const locale = isScalar(pair.key) ? pair.key.value : undefined;
		if (!isLocale(locale))
			o.src.error(pair.key as Node, `"${key}" has unknown locale "${String(locale)}"`);
	}
	const extra = obj.map.items.flatMap((p) =>
		isScalar(p.key) && isLocale(p.key.value) && !o.src.locales.includes(p.key.value)
			? [p.key.value]
			: []
	);
	for (const locale of [...o.src.locales, ...extra]) {
		const node = obj.node(locale);
		if (node === undefined) o.src.error(obj.map, `"${key}" is missing locale "${locale}"`);
		else {
			const value = read(node, locale);
			if (value !== undefined) out[locale] = value;
		}
	}
	return out;
}
