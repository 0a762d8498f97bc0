import type { Locale } from '../text/localised.ts';
import type { Localised } from '../text/localised.ts';

export type CertificateType = 'completion' | 'participation';

export type Signatory = {
	name: string;
	/** "Director of training", in each language the certificate is offered in. */
	title: Localised;
};

/**
 * What a certificate records when it is issued. It is stored as it was and never recomputed,
 * so the certificate stays true to its day after the course, the user or the issuer changes.
 */
export type CertificateSnapshot = {
	code: string;
	type: CertificateType;
	/** The holder's name exactly as it was at issue time. */
	holderName: string;
	courseSlug: string;
	courseTitle: Localised;
	/** The course's semantic version, as in course.yaml ("1.0.0"). */
	courseVersion: string;
	hours: number;
	/** Percentage from 0 to 100, or null when the course had no assessment. */
	score: number | null;
	/** ISO 8601 date-time in UTC, e.g. `2026-11-22T09:30:00.000Z`. */
	issuedAt: string;
	issuerName: string;
	signatories: Signatory[];
	/** Languages the certificate can be rendered in (those of the course). */
	locales: Locale[];
};
