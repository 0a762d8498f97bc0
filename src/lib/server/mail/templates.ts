// Every mail Tamkeen sends, in the reader's language: plain text for any mail program, and
// the same words as simple HTML (Arabic right to left). The words live in messages/*.json.
import * as m from '../../paraglide/messages.js';
import type { Locale } from '../text/localised.ts';

/** What a mail says, before it is laid out as text and HTML. */
type Content = { subject: string; paragraphs: string[]; link?: { href: string; label: string } };
export type MailBody = { subject: string; text: string; html: string };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);

/** Lays out one mail as plain text and as HTML with the reader's language and direction. */
export function layoutMail(locale: Locale, c: Content): MailBody {
	const dir = locale === 'ar' ? 'rtl' : 'ltr';
	const signature = m.app_name({}, { locale });
	const text = [
		...c.paragraphs,
		...(c.link ? [`${c.link.label}:\n${c.link.href}`] : []),
		`— ${signature}`
	].join('\n\n');
	const paras = c.paragraphs.map((p) => `<p>${escape(p).replaceAll('\n', '<br>')}</p>`);
	const link = c.link
		? `<p><a href="${escape(c.link.href)}">${escape(c.link.label)}</a></p><p dir="ltr" style="font-size:small">${escape(c.link.href)}</p>`
		: '';
	const html = `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><title>${escape(c.subject)}</title></head><body dir="${dir}" style="font-family:sans-serif;line-height:1.5">${paras.join('')}${link}<p>— ${escape(signature)}</p></body></html>`;
	return { subject: c.subject, text, html };
}

/** "Choose a new password": the recovery link a person asked for (valid one hour, once). */
export function resetPasswordMail(locale: Locale, { name, link }: { name: string; link: string }) {
	return layoutMail(locale, {
		subject: m.mail_reset_subject({}, { locale }),
		paragraphs: [
			m.mail_hello({ name }, { locale }),
			m.mail_reset_body({}, { locale }),
			m.mail_reset_ignore({}, { locale })
		],
		link: { href: link, label: m.mail_reset_link({}, { locale }) }
	});
}

/** "Set your password": an account a trainer created for a cohort (valid seven days, once). */
export function setPasswordMail(
	locale: Locale,
	{ name, link, cohort }: { name: string; link: string; cohort: string }
) {
	return layoutMail(locale, {
		subject: m.mail_welcome_subject({}, { locale }),
		paragraphs: [m.mail_hello({ name }, { locale }), m.mail_welcome_body({ cohort }, { locale })],
		link: { href: link, label: m.mail_welcome_link({}, { locale }) }
	});
}

/** A trainer's announcement to a cohort, with the way back to "My learning". */
export function announcementMail(
	locale: Locale,
	{ cohort, body, link }: { cohort: string; body: string; link: string }
) {
	return layoutMail(locale, {
		subject: m.mail_announcement_subject({ cohort }, { locale }),
		paragraphs: [m.mail_announcement_intro({ cohort }, { locale }), body],
		link: { href: link, label: m.mail_announcement_link({}, { locale }) }
	});
}
