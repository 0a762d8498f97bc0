import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../../../src/lib/server/quiz/formats/plain-text.ts';

describe('toPlainText', () => {
	it('turns Moodle HTML into text with line breaks and decoded entities', () => {
		expect(
			toPlainText('<p>Budget&nbsp;2024 &amp; plan</p><p>Line<br/>two &#1576;&#x628;</p>', 'html')
		).toBe('Budget 2024 & plan\nLine\ntwo بب');
	});

	it('keeps unknown entities and leaves Markdown and plain text alone', () => {
		expect(toPlainText('a &bogus; b', 'html')).toBe('a &bogus; b');
		expect(toPlainText('<b>**x**</b>', 'markdown')).toBe('<b>**x**</b>');
		expect(toPlainText('<b>', 'plain')).toBe('<b>');
	});
});
