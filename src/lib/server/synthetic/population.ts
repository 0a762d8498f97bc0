// Who the synthetic learners are: the optional registration fields, partly empty, with
// governorates skewed like Tunisia's population.
import type { Gender, Position } from '../db/schema/index.ts';
import type { Random } from './random.ts';

/**
 * Relative weights: governorate populations in thousands from the 2014 general census (INS,
 * RGPH 2014; 10,982,754 inhabitants in all). Checked against published figures for six of the
 * 24 — Tunis 1,056, Sfax 955.4, Nabeul 787.9, Tataouine 149 and Tozeur 107 thousand (TAP, "La
 * Tunisie compte plus de femmes que d'hommes", webmanagercenter.com, 13 September 2014, the
 * INS's preliminary results) and Ben Arous 631,842 (French Wikipedia, "Gouvernorat de Ben
 * Arous", citing the 2014 census). The other eighteen are still from memory, not checked against
 * the INS tables (no source for them was found); synthetic data needs only the skew, which the
 * checked figures confirm: Tunis and Sfax about seven to nine times Tozeur or Tataouine.
 */
export const GOVERNORATE_WEIGHTS = [
	['TN-11', 1056], // Tunis
	['TN-12', 576], // Ariana
	['TN-13', 632], // Ben Arous
	['TN-14', 379], // Manouba
	['TN-21', 788], // Nabeul
	['TN-22', 177], // Zaghouan
	['TN-23', 569], // Bizerte
	['TN-31', 303], // Béja
	['TN-32', 401], // Jendouba
	['TN-33', 243], // Le Kef
	['TN-34', 223], // Siliana
	['TN-41', 571], // Kairouan
	['TN-42', 440], // Kasserine
	['TN-43', 430], // Sidi Bouzid
	['TN-51', 675], // Sousse
	['TN-52', 548], // Monastir
	['TN-53', 410], // Mahdia
	['TN-61', 955], // Sfax
	['TN-71', 337], // Gafsa
	['TN-72', 107], // Tozeur
	['TN-73', 157], // Kébili
	['TN-81', 374], // Gabès
	['TN-82', 479], // Médenine
	['TN-83', 149] // Tataouine
] as const;

// Municipal staff are most of the audience; about one learner in ten leaves each field empty.
const POSITION_WEIGHTS = [
	['elected-official', 10],
	['council-member', 18],
	['municipal-staff', 45],
	['civil-society', 12],
	['other', 5],
	['none', 10]
] as const;
const GENDER_WEIGHTS = [
	['woman', 44],
	['man', 46],
	['unspecified', 3],
	['none', 7]
] as const;

export type SyntheticLearner = {
	gender: Gender | null;
	position: Position | null;
	governorateId: string | null;
	/** Index into the governorate's municipalities, or null when not given. */
	municipality: 'pick' | null;
};

/** One learner's optional fields; null where the learner left the field empty. */
export function drawLearner(rnd: Random): SyntheticLearner {
	const gender = rnd.weighted(GENDER_WEIGHTS);
	const position = rnd.weighted(POSITION_WEIGHTS);
	const governorateId = rnd.chance(0.08) ? null : rnd.weighted(GOVERNORATE_WEIGHTS);
	return {
		gender: gender === 'none' ? null : gender,
		position: position === 'none' ? null : position,
		governorateId,
		municipality: governorateId && rnd.chance(0.7) ? 'pick' : null
	};
}
