// "Set your password" links for accounts a roster created: mailed when this installation sends
// mail; whatever could not be mailed is given back, for the trainer to hand out instead.
import type { Locale } from '../text/localised.ts';
import { passwordLinkUrl } from '../accounts/password-recovery.ts';
import { mailConfigured, sendMail, type MailLog, type MailSettings } from '../mail/transport.ts';
import { setPasswordMail } from '../mail/templates.ts';
import type { PasswordLinkToHand } from './roster-apply.ts';

export type LinkToHand = { name: string; email: string; url: string };

/** A few mails at a time: a roster of hundreds must not open hundreds of SMTP connections. */
const AT_ONCE = 4;

/** Mails each link; returns the links that were not mailed (all of them without SMTP). */
export async function mailPasswordLinks(
	mail: MailSettings,
	{
		links,
		origin,
		cohort,
		log
	}: { links: PasswordLinkToHand[]; origin: URL; cohort: string; log?: MailLog }
): Promise<{ mailed: number; toHand: LinkToHand[] }> {
	const withUrl = links.map((l) => ({
		...l,
		url: passwordLinkUrl(origin, l.locale as Locale, l.token)
	}));
	if (!mailConfigured(mail))
		return { mailed: 0, toHand: withUrl.map(({ name, email, url }) => ({ name, email, url })) };
	const toHand: LinkToHand[] = [];
	let mailed = 0;
	for (let i = 0; i < withUrl.length; i += AT_ONCE) {
		const batch = withUrl.slice(i, i + AT_ONCE);
		const sent = await Promise.all(
			batch.map((l) =>
				sendMail(
					mail,
					{
						to: l.email,
						...setPasswordMail(l.locale as Locale, { name: l.name, link: l.url, cohort })
					},
					log
				)
			)
		);
		batch.forEach((l, j) => {
			if (sent[j]) mailed += 1;
			else toHand.push({ name: l.name, email: l.email, url: l.url });
		});
	}
	return { mailed, toHand };
}
