import { describe, expect, it } from 'vitest';
import { alignBlocks, joinBlocks, splitBlocks } from '../../../src/lib/server/studio/blocks.ts';

const BODY = [
	'## ميزانية 2026',
	'',
	'تعتمد البلدية على PAI منذ 2026.',
	'سطر ثانٍ من الفقرة نفسها.',
	'',
	'',
	'> [!STATUS 2026-11]',
	'> المشروع قيد التنفيذ.',
	'>',
	'> فقرة ثانية داخل الإطار.',
	'',
	'```',
	'code',
	'',
	'still code',
	'```',
	'',
	'| a | b |',
	'| --- | --- |',
	'| 1 | 2 |',
	''
].join('\n');

describe('Markdown blocks for side-by-side translation', () => {
	it('splits at blank lines, keeping a callout and a fenced block with its blank line whole', () => {
		expect(splitBlocks(BODY)).toEqual([
			'## ميزانية 2026',
			'تعتمد البلدية على PAI منذ 2026.\nسطر ثانٍ من الفقرة نفسها.',
			'> [!STATUS 2026-11]\n> المشروع قيد التنفيذ.\n>\n> فقرة ثانية داخل الإطار.',
			'```\ncode\n\nstill code\n```',
			'| a | b |\n| --- | --- |\n| 1 | 2 |'
		]);
	});

	it('joins blocks back into the same body, with CRLF from a browser made LF', () => {
		const blocks = splitBlocks(BODY);
		expect(joinBlocks(blocks)).toBe(BODY.replace('\n\n\n', '\n\n'));
		expect(joinBlocks(['Titre\r\nsuite\r\n', '', '  \n', 'Fin'])).toBe('Titre\nsuite\n\nFin\n');
		expect(joinBlocks(['', ' '])).toBe('');
	});

	it('aligns block by block and gives extra translation blocks their own rows', () => {
		expect(alignBlocks(['a', 'b'], ['A'])).toEqual([
			{ source: 'a', target: 'A' },
			{ source: 'b', target: '' }
		]);
		expect(alignBlocks(['a'], ['A', 'B'])).toEqual([
			{ source: 'a', target: 'A' },
			{ source: null, target: 'B' }
		]);
	});
});
