// The one way Tamkeen sends mail: nodemailer over SMTP_URL, from MAIL_FROM. A mail that cannot
// be sent is logged and reported as `false`, never thrown: a person's sign-in, roster or
// announcement must not fail because the mail server is down.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.ts';

export type MailSettings = Pick<Config, 'smtpUrl' | 'mailFrom'>;

/** A message ready to go: plain text for every reader, simple HTML beside it. */
export type Mail = { to: string; subject: string; text: string; html: string };

/** Where a failure is reported; the server's console by default (one line, no address). */
export type MailLog = (line: string) => void;

const defaultLog: MailLog = (line) => {
	console.error(line);
};

// One transport per SMTP_URL, made on first use; a mail server that does not answer is given
// up on in seconds rather than nodemailer's minutes, since a person may be waiting.
const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
	let t = transports.get(url);
	if (!t) {
		t = nodemailer.createTransport({
			url,
			connectionTimeout: 10_000,
			greetingTimeout: 10_000,
			socketTimeout: 30_000
		});
		transports.set(url, t);
	}
	return t;
}

/** Whether this installation sends mail at all (pages offer other ways when it does not). */
export const mailConfigured = (settings: MailSettings): boolean => settings.smtpUrl !== null;

/** Sends one mail; true when the SMTP server accepted it, false when it did not or is not set. */
export async function sendMail(
	settings: MailSettings,
	mail: Mail,
	log: MailLog = defaultLog
): Promise<boolean> {
	if (!settings.smtpUrl) return false;
	try {
		const info = await transportFor(settings.smtpUrl).sendMail({
			from: settings.mailFrom,
			...mail
		});
		return (info.accepted?.length ?? 0) > 0;
	} catch (e) {
		const err: { code?: string; message: string } = e instanceof Error ? e : { message: String(e) };
		log(`mail not sent (${err.code ?? 'error'}): ${err.message}`);
		return false;
	}
}
