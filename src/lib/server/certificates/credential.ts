import { createHash } from 'node:crypto';
import type { Locale } from '../text/localised.ts';
import { certificateText } from './pdf-text.ts';
import type { CertificateSnapshot } from './types.ts';

/**
 * Open Badges 3.0 credentials (1EdTech OB 3.0, https://www.imsglobal.org/spec/ob/v3p0/):
 * an `OpenBadgeCredential` in the VC Data Model 2.0 shape, checked against the required fields
 * of the published schema `ob_v3p0_achievementcredential_schema.json`.
 */
export const OB_CONTEXT = [
	'https://www.w3.org/ns/credentials/v2',
	'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'
] as const;

export type IssuerProfile = { id: string; type: ['Profile']; name: string; url: string };

export type OpenBadgeCredential = {
	'@context': string[];
	id: string;
	type: string[];
	issuer: IssuerProfile;
	validFrom: string;
	validUntil?: string;
	name: string;
	credentialSubject: {
		type: string[];
		identifier: {
			type: 'IdentityObject';
			identityHash: string;
			identityType: 'emailAddress';
			hashed: true;
			salt: string;
		}[];
		achievement: {
			id: string;
			type: string[];
			achievementType: string;
			name: string;
			description: string;
			criteria: { narrative: string };
			inLanguage: string;
			version: string;
		};
	};
};

export type CredentialOptions = {
	/** The certificate's public verification page: the credential's id. */
	verifyUrl: string;
	issuer: { id: string; name: string; url: string };
	/** The holder's e-mail: only its salted hash goes into the credential. */
	email: string;
	/** Random per credential unless given (tests); published beside the hash, as OB 3.0 requires. */
	salt?: string;
	/** Language of the names and descriptions; defaults to the certificate's first language. */
	locale?: Locale;
};

const CRITERIA: Record<Locale, Record<CertificateSnapshot['type'], string>> = {
	ar: {
		completion: 'إتمام جميع دروس الدورة والنجاح في تقييماتها.',
		participation: 'المشاركة في الدورة التدريبية.'
	},
	fr: {
		completion: 'Avoir suivi toutes les leçons de la formation et réussi ses évaluations.',
		participation: 'Avoir participé à la formation.'
	},
	en: {
		completion: 'Completed every lesson of the course and passed its assessments.',
		participation: 'Took part in the course.'
	}
};

/**
 * OB 3.0 has "CertificateOfCompletion"; participation has no term of its own, so it uses the
 * extension form the schema allows (`ext:` prefix).
 */
const ACHIEVEMENT_TYPE = {
	completion: 'CertificateOfCompletion',
	participation: 'ext:CertificateOfParticipation'
};

/**
 * OB 3.0 IdentityHash: `sha256$` + hex SHA-256 of identifier + salt. The address is trimmed
 * and lower-cased first, so the holder can prove it however they type it.
 */
export function hashIdentity(email: string, salt: string): string {
	const hex = createHash('sha256')
		.update(`${email.trim().toLowerCase()}${salt}`, 'utf8')
		.digest('hex');
	return `sha256$${hex}`;
}

function randomSalt(): string {
	return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');
}

/** The unsigned OpenBadgeCredential for a certificate snapshot. */
export function buildOpenBadgeCredential(
	snapshot: CertificateSnapshot,
	options: CredentialOptions
): OpenBadgeCredential {
	const locale = options.locale ?? snapshot.locales[0] ?? 'ar';
	const text = certificateText(snapshot, locale);
	const salt = options.salt ?? randomSalt();
	const achievementId = new URL(
		`/courses/${encodeURIComponent(snapshot.courseSlug)}`,
		options.issuer.url
	);
	achievementId.hash = snapshot.type;
	return {
		'@context': [...OB_CONTEXT],
		id: options.verifyUrl,
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		issuer: {
			id: options.issuer.id,
			type: ['Profile'],
			name: options.issuer.name,
			url: options.issuer.url
		},
		validFrom: new Date(snapshot.issuedAt).toISOString(),
		name: `${text.title}: ${text.course}`,
		credentialSubject: {
			type: ['AchievementSubject'],
			identifier: [
				{
					type: 'IdentityObject',
					identityHash: hashIdentity(options.email, salt),
					identityType: 'emailAddress',
					hashed: true,
					salt
				}
			],
			achievement: {
				id: achievementId.href,
				type: ['Achievement'],
				achievementType: ACHIEVEMENT_TYPE[snapshot.type],
				name: text.course,
				description: `${text.title} — ${text.course} (${text.details.slice(0, -1).join(' · ')})`,
				criteria: { narrative: CRITERIA[locale][snapshot.type] },
				inLanguage: locale,
				version: snapshot.courseVersion
			}
		}
	};
}
