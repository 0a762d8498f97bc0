// One question of every type, as the course loader returns them, for the quiz tests.
import type { Question } from '../../../src/lib/server/courses/types.ts';

function question(
	id: string,
	type: Question['type'],
	body: Record<string, unknown>,
	points = 1
): Question {
	return { id, type, points, body: { id, type, points, ...body } };
}

export const single = question('council', 'single', {
	prompt: { fr: 'Qui adopte le budget ?', ar: 'من يصادق على الميزانية؟' },
	options: [
		{ id: 'a', text: { fr: 'Le conseil', ar: 'المجلس' }, correct: true, feedback: { fr: 'Oui.' } },
		{ id: 'b', text: { fr: 'Le gouverneur', ar: 'الوالي' }, feedback: { fr: 'Non.' } },
		{ id: 'c', text: { fr: 'Le ministère', ar: 'الوزارة' } }
	]
});

export const multiple = question(
	'own-revenue',
	'multiple',
	{
		prompt: { fr: 'Ressources propres ?' },
		options: [
			{ id: 'tax', text: { fr: 'Taxe' }, fraction: 0.5, feedback: { fr: 'Oui.' } },
			{ id: 'fee', text: { fr: 'Redevance' }, fraction: 0.5 },
			{ id: 'grant', text: { fr: 'Subvention' }, fraction: -1, feedback: { fr: 'Non.' } },
			{ id: 'loan', text: { fr: 'Emprunt' }, fraction: 0 }
		]
	},
	2
);

export const truefalse = question('tax-built', 'truefalse', {
	prompt: { fr: 'La ville perçoit la taxe sur les immeubles bâtis.' },
	answer: true,
	feedbackFalse: { fr: 'Si, elle la perçoit.' }
});

export const short = question('local-word', 'short', {
	prompt: { fr: 'Le mot ?', ar: 'الكلمة؟' },
	accept: { fr: ['commune', 'municipalit*'], ar: ['بلدية', 'المجلس البلدي'] }
});

export const numeric = question('pi', 'numeric', {
	prompt: { fr: 'Pi ?' },
	answer: 3.14,
	tolerance: 0.01,
	unit: { fr: 'sans unité' }
});

export const range = question('councillors', 'numeric', {
	prompt: { fr: 'Combien de conseillers ?' },
	min: 12,
	max: 60
});

export const matching = question(
	'documents',
	'matching',
	{
		prompt: { fr: 'Associez.' },
		pairs: [
			{ id: 'p1', prompt: { fr: 'Budget' }, match: { fr: 'Prévoir' } },
			{ id: 'p2', prompt: { fr: 'Compte' }, match: { fr: 'Rendre compte' } },
			{ id: 'p3', prompt: { fr: 'Audit' }, match: { fr: 'Contrôler' } },
			{ id: 'p4', prompt: { fr: 'Plan' }, match: { fr: 'Orienter' } }
		]
	},
	4
);

export const ordering = question(
	'budget-steps',
	'ordering',
	{
		prompt: { fr: 'Ordonnez.' },
		items: [
			{ id: '1', text: { fr: 'Préparer' } },
			{ id: '2', text: { fr: 'Débattre' } },
			{ id: '3', text: { fr: 'Voter' } },
			{ id: '4', text: { fr: 'Exécuter' } }
		]
	},
	4
);

export const essay = question(
	'consultation',
	'essay',
	{ prompt: { fr: 'Décrivez.' }, minWords: 50, guidance: { fr: 'Qui, quand, comment.' } },
	5
);

export const description = {
	id: 'intro',
	type: 'description',
	points: 0,
	body: { id: 'intro', type: 'description', prompt: { fr: 'Partie 2.' } }
} satisfies Question;

export const everyType: Question[] = [
	single,
	multiple,
	truefalse,
	short,
	numeric,
	range,
	matching,
	ordering,
	essay,
	description
];
