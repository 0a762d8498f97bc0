import type { Options as Schema } from 'rehype-sanitize';

const DIR: [string, ...string[]] = ['dir', 'auto', 'rtl', 'ltr'];
const HEADING = ['id', DIR];

/**
 * The only HTML a lesson may produce: what our Markdown plugins emit, nothing else. Ids come from
 * heading slugs and footnotes (raw HTML never reaches the tree), so they need no prefix.
 */
export const lessonSchema: Schema = {
	strip: ['script', 'style', 'template'],
	clobberPrefix: '',
	clobber: [],
	tagNames: [
		'a',
		'p',
		'br',
		'strong',
		'em',
		'del',
		'code',
		'pre',
		'blockquote',
		'ul',
		'ol',
		'li',
		'hr',
		'h2',
		'h3',
		'h4',
		'h5',
		'h6',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td',
		'img',
		'figure',
		'figcaption',
		'div',
		'section',
		'sup'
	],
	attributes: {
		a: [
			'href',
			'id',
			'ariaDescribedBy',
			'ariaLabel',
			'dataFootnoteRef',
			'dataFootnoteBackref',
			['className', 'data-footnote-backref']
		],
		img: [
			'src',
			'alt',
			'srcSet',
			'sizes',
			'width',
			'height',
			['loading', 'lazy'],
			['decoding', 'async']
		],
		h2: [...HEADING, ['className', 'sr-only']],
		h3: HEADING,
		h4: HEADING,
		h5: HEADING,
		h6: HEADING,
		p: [DIR, ['className', 'callout-title']],
		li: ['id', DIR],
		th: [DIR, ['align', 'left', 'right', 'center']],
		td: [DIR, ['align', 'left', 'right', 'center']],
		ol: ['start'],
		code: [['className', /^language-[\w-]+$/]],
		section: ['dataFootnotes', ['className', 'footnotes']],
		div: [['className', 'callout', /^callout-[a-z]+$/], ['role', 'note'], 'dataDate'],
		figcaption: [DIR]
	},
	protocols: { href: ['http', 'https', 'mailto', 'tel'], src: ['http', 'https'] },
	required: {}
};
