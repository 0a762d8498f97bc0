// The files of a new course: the smallest course the checker accepts, in its source language,
// so a trainer starts from something that publishes and replaces the placeholders.
import type { Locale, Localised } from '../text/localised.ts';

const WORDS: Record<
	Locale,
	{
		module: string;
		objective: string;
		lesson: string;
		body: string;
		source: string;
		final: string;
		q: string;
		outcomes: [string, string, string];
	}
> = {
	ar: {
		module: 'الوحدة الأولى',
		objective: 'هدف الوحدة الأولى.',
		lesson: 'الدرس الأول',
		body: '## مقدمة\n\nاكتب نص الدرس هنا.\n',
		source: 'اذكر مرجعًا يدعم ما يقوله الدرس',
		final: 'التقييم النهائي',
		q: 'هذا سؤال للتجربة: أجب بصحيح.',
		outcomes: ['الحصيلة الأولى.', 'الحصيلة الثانية.', 'الحصيلة الثالثة.']
	},
	fr: {
		module: 'Premier module',
		objective: 'Objectif du premier module.',
		lesson: 'Première leçon',
		body: '## Introduction\n\nÉcrivez ici le texte de la leçon.\n',
		source: 'Citez une source qui appuie ce que dit la leçon',
		final: 'Évaluation finale',
		q: 'Question d’essai : répondez vrai.',
		outcomes: ['Premier acquis.', 'Deuxième acquis.', 'Troisième acquis.']
	},
	en: {
		module: 'First module',
		objective: 'Objective of the first module.',
		lesson: 'First lesson',
		body: '## Introduction\n\nWrite the lesson here.\n',
		source: 'Name a source that supports what the lesson says',
		final: 'Final assessment',
		q: 'A trial question: answer true.',
		outcomes: ['First outcome.', 'Second outcome.', 'Third outcome.']
	}
};

const q = (s: string): string => JSON.stringify(s);
const map = (values: Localised, indent = '  '): string =>
	Object.entries(values)
		.map(([k, v]) => `\n${indent}${k}: ${q(v)}`)
		.join('');

/** The files of a new course whose content is written in `source`, titled in every language given. */
export function newCourseFiles({
	slug,
	source,
	titles,
	today
}: {
	slug: string;
	source: Locale;
	titles: Localised;
	today: string;
}): Map<string, Buffer> {
	const w = WORDS[source];
	const files: Record<string, string> = {
		'course.yaml': `slug: ${slug}
version: 1.0.0
locales: [${source}]
theme: other
level: introductory
authors: [Tamkeen studio]
licence: CC-BY-SA-4.0
reviewed: ${today}
evidence: ${today.slice(0, 7)}
published: true
enrolmentKey: null
title:${map(titles)}
summary:${map({ [source]: titles[source] })}
audience:${map({ [source]: titles[source] })}
outcomes:
  ${source}:
    - ${q(w.outcomes[0])}
    - ${q(w.outcomes[1])}
    - ${q(w.outcomes[2])}
completion:
  lessons: all
  moduleQuizzes: none
  passMark: 70
  certificate: participation
`,
		'01-introduction/module.yaml': `title:${map({ [source]: w.module })}
objectives:
  ${source}:
    - ${q(w.objective)}
`,
		[`01-introduction/01-welcome.${source}.md`]: `---
title: ${q(w.lesson)}
minutes: 5
sources:
  - ${q(w.source)}
---

${w.body}`,
		'final.yaml': `title:${map({ [source]: w.final })}
passMark: 70
questions:
  - id: trial
    type: truefalse
    prompt:${map({ [source]: w.q }, '      ')}
    answer: true
`
	};
	return new Map(Object.entries(files).map(([p, t]) => [p, Buffer.from(t, 'utf8')]));
}
