import type { Locale } from '../text/localised.ts';
import type { CertificateSnapshot, CertificateType } from './types.ts';
import { localText } from '../text/localised.ts';
import { formatScore } from '../../format/numbers.ts';

/**
 * The words on a certificate, per language. The Arabic avoids verbs that agree with the
 * holder's gender (a masdar, "in recognition of completing"), since we don't ask for it.
 */
const TITLES: Record<Locale, Record<CertificateType, string>> = {
	ar: { completion: 'شهادة إتمام', participation: 'شهادة مشاركة' },
	fr: { completion: 'Attestation de réussite', participation: 'Attestation de participation' },
	en: { completion: 'Certificate of Completion', participation: 'Certificate of Participation' }
};

const AWARDED_TO: Record<Locale, string> = {
	ar: 'تُمنح هذه الشهادة إلى',
	fr: 'Cette attestation est décernée à',
	en: 'This certificate is awarded to'
};

const FOR: Record<Locale, Record<CertificateType, string>> = {
	ar: {
		completion: 'تقديرًا لإتمام الدورة التدريبية',
		participation: 'تقديرًا للمشاركة في الدورة التدريبية'
	},
	fr: {
		completion: 'pour avoir suivi avec succès la formation',
		participation: 'pour sa participation à la formation'
	},
	en: {
		completion: 'for successfully completing the course',
		participation: 'for taking part in the course'
	}
};

type Units = {
	hours: (n: string, plural: Intl.LDMLPluralRule) => string;
	score: string;
	date: string;
};
const UNITS: Record<Locale, Units> = {
	// "Number of hours: 12" sidesteps Arabic's counted-noun agreement (ساعة / ساعات / ساعة).
	ar: { hours: (n) => `عدد الساعات: ${n}`, score: 'النتيجة', date: 'تاريخ الإصدار' },
	fr: {
		hours: (n, p) => `${n} ${p === 'one' ? 'heure' : 'heures'}`,
		score: 'Score',
		date: 'Délivrée le'
	},
	en: {
		hours: (n, p) => `${n} ${p === 'one' ? 'hour' : 'hours'}`,
		score: 'Score',
		date: 'Issued on'
	}
};

const VERIFY: Record<Locale, string> = {
	ar: 'للتحقق من صحة الشهادة',
	fr: "Vérifier l'authenticité",
	en: 'Verify this certificate'
};

export type CertificateText = {
	title: string;
	awardedTo: string;
	holder: string;
	for: string;
	course: string;
	/** "12 hours · Score: 85% · Issued on 22 November 2026", as separate parts. */
	details: string[];
	verify: string;
};

/** Every string printed on the certificate, in `locale`, with numbers and dates formatted by Intl. */
export function certificateText(s: CertificateSnapshot, locale: Locale): CertificateText {
	// French sets a narrow no-break space before the colon (Amiri has the glyph).
	const colon = locale === 'fr' ? '\u202f: ' : ': ';
	const units = UNITS[locale];
	const hours = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(s.hours);
	const plural = new Intl.PluralRules(locale).select(s.hours);
	const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
		new Date(s.issuedAt)
	);
	const details = [units.hours(hours, plural)];
	if (s.score !== null) {
		details.push(`${units.score}${colon}${formatScore(s.score, locale)}`);
	}
	details.push(locale === 'ar' ? `${units.date}${colon}${date}` : `${units.date} ${date}`);
	return {
		title: TITLES[locale][s.type],
		awardedTo: AWARDED_TO[locale],
		holder: s.holderName,
		for: FOR[locale][s.type],
		course: localText(s.courseTitle, locale),
		details,
		verify: VERIFY[locale]
	};
}
