import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { readLocalised, readLocalisedList, type ListOpt, type Opt } from './localised.ts';
import type { Localised, LocalisedList } from '../../text/localised.ts';
import { describeValue, kindOf, type YamlSource } from './yaml-source.ts';
type NumOpt = Opt & { min?: number; max?: number; integer?: boolean };

/** Typed, reporting reads of one YAML map: each getter reports what is wrong and returns undefined. */
export class YamlObject {
	constructor(
		readonly src: YamlSource,
		readonly map: YAMLMap
	) {}

	node(key: string): Node | undefined {
		const value = this.map.get(key, true) as Node | null | undefined;
		return value ?? undefined;
	}

	has(key: string): boolean {
		return this.map.has(key);
	}

	/** A key that is absent or explicitly null counts as missing. */
	private present(key: string, required: boolean): Node | undefined {
		const node = this.node(key);
		if (node === undefined || (isScalar(node) && node.value === null)) {
			if (required) this.src.error(this.map, `missing required key "${key}"`);
			return undefined;
		}
		return node;
	}

	/** Keys the format does not know are typos more often than not. */
	onlyKeys(allowed: readonly string[]): void {
		for (const pair of this.map.items) {
			const key = isScalar(pair.key) ? String(pair.key.value) : '';
			if (!allowed.includes(key)) this.src.error(pair.key as Node, `unknown key "${key}"`);
		}
	}

	string(key: string, { required = true }: Opt = {}): string | undefined {
		const node = this.present(key, required);
		if (node === undefined) return undefined;
		if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '')
			return node.value;
		this.src.error(node, `"${key}" must be text, got ${kindOf(node)}`);
		return undefined;
	}

	number(key: string, { required = true, min, max, integer }: NumOpt = {}): number | undefined {
		const node = this.present(key, required);
		if (node === undefined) return undefined;
		const value = isScalar(node) ? node.value : undefined;
		const ok =
			typeof value === 'number' &&
			Number.isFinite(value) &&
			(!integer || Number.isInteger(value)) &&
			(min === undefined || value >= min) &&
			(max === undefined || value <= max);
		if (ok) return value;
		const what = integer ? 'a whole number' : 'a number';
		const range =
			min !== undefined && max !== undefined
				? ` from ${min} to ${max}`
				: min !== undefined
					? min === 0
						? ' of 0 or more'
						: ` of ${min} or more`
					: '';
		this.src.error(node, `"${key}" must be ${what}${range}, got ${describeValue(value, node)}`);
		return undefined;
	}

	boolean(key: string, { required = true }: Opt = {}): boolean | undefined {
		const node = this.present(key, required);
		if (node === undefined) return undefined;
		if (isScalar(node) && typeof node.value === 'boolean') return node.value;
		this.src.error(
			node,
			`"${key}" must be true or false, got ${describeValue(isScalar(node) ? node.value : undefined, node)}`
		);
		return undefined;
	}

	oneOf<T extends string>(
		key: string,
		values: readonly T[],
		{ required = true }: Opt = {}
	): T | undefined {
		const node = this.present(key, required);
		if (node === undefined) return undefined;
		const value = isScalar(node) ? node.value : undefined;
		if (typeof value === 'string' && (values as readonly string[]).includes(value))
			return value as T;
		this.src.error(
			node,
			`"${key}" must be one of ${values.join(', ')}, got ${describeValue(value, node)}`
		);
		return undefined;
	}

	list(key: string, { required = true }: Opt = {}): Node[] | undefined {
		const node = this.present(key, required);
		if (node === undefined) return undefined;
		if (isSeq(node)) return node.items as Node[];
		this.src.error(node, `"${key}" must be a list, got ${kindOf(node)}`);
		return undefined;
	}

	object(key: string, { required = true }: Opt = {}): YamlObject | undefined {
		const node = this.present(key, required);
		if (node === undefined) return undefined;
		if (isMap(node)) return new YamlObject(this.src, node);
		this.src.error(node, `"${key}" must be a map, got ${kindOf(node)}`);
		return undefined;
	}

	/** Reads `id` and reports it when `seen` already has it; returns the id only when it is new. */
	uniqueId(
		seen: Map<string, Node>,
		what: string,
		{ required = true }: Opt = {}
	): string | undefined {
		const id = this.string('id', { required });
		const node = this.node('id');
		if (id === undefined || node === undefined) return undefined;
		const first = seen.get(id);
		if (first) {
			this.src.error(
				this.node('id'),
				`duplicate ${what} "${id}" (first at line ${this.src.pos(first).line})`
			);
			return undefined;
		}
		seen.set(id, node);
		return id;
	}

	/** `{ ar: …, fr: … }` with non-empty text for every course locale. */
	localised(key: string, opt: Opt = {}): Localised | undefined {
		return readLocalised(this, key, opt);
	}

	/** `{ ar: [..], fr: [..] }` with `min` to `max` non-empty texts in every course locale. */
	localisedList(key: string, opt: ListOpt = {}): LocalisedList | undefined {
		return readLocalisedList(this, key, opt);
	}
}
