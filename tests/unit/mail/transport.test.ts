import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp, type TestSmtp } from '../../helpers/smtp.ts';
import { sendMail } from '../../../src/lib/server/mail/transport.ts';
import { resetPasswordMail } from '../../../src/lib/server/mail/templates.ts';
import { ConfigError, loadConfig } from '../../../src/lib/server/config.ts';

let smtp: TestSmtp;
beforeAll(async () => {
	smtp = await startSmtp();
});
afterAll(() => smtp.close());

/** A port nothing listens on: bound, read, released. */
async function closedPort(): Promise<number> {
	const s = net.createServer();
	await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
	const port = (s.address() as net.AddressInfo).port;
	await new Promise<void>((r) => {
		s.close(() => {
			r();
		});
	});
	return port;
}

describe('sendMail', () => {
	it('delivers an Arabic mail, right to left in HTML, with the link in both parts', async () => {
		const mail = resetPasswordMail('ar', { name: 'أمل', link: 'https://t.example/ar/x' });
		const settings = { smtpUrl: smtp.url, mailFrom: 'Tamkeen <no-reply@t.example>' };
		expect(await sendMail(settings, { to: 'amel@example.tn', ...mail })).toBe(true);
		const got = await smtp.waitFor('amel@example.tn');
		expect(got.from).toBe('no-reply@t.example');
		expect(got.subject).toBe(mail.subject);
		expect(got.subject).toMatch(/كلمة مرور/);
		expect(got.text).toContain('مرحبًا أمل');
		expect(got.text).toContain('https://t.example/ar/x');
		expect(got.html).toContain('dir="rtl"');
		expect(got.html).toContain('lang="ar"');
		expect(got.html).toContain('href="https://t.example/ar/x"');
	});

	it('escapes what a person typed in the HTML part', async () => {
		const mail = resetPasswordMail('fr', { name: '<b>Ali</b>', link: 'https://t.example/fr/y' });
		await sendMail(
			{ smtpUrl: smtp.url, mailFrom: 'x@t.example' },
			{ to: 'ali@example.tn', ...mail }
		);
		const got = await smtp.waitFor('ali@example.tn');
		expect(got.html).not.toContain('<b>Ali</b>');
		expect(got.html).toContain('&#60;b&#62;Ali');
		expect(got.html).toContain('dir="ltr"');
	});

	it('answers false, without throwing, when no SMTP server is configured', async () => {
		const mail = resetPasswordMail('en', { name: 'A', link: 'https://t.example/' });
		expect(
			await sendMail({ smtpUrl: null, mailFrom: 'x@t.example' }, { to: 'a@b.tn', ...mail })
		).toBe(false);
	});

	it('answers false and logs one line when the mail server cannot be reached', async () => {
		const lines: string[] = [];
		const url = `smtp://127.0.0.1:${String(await closedPort())}`;
		const mail = resetPasswordMail('en', { name: 'A', link: 'https://t.example/' });
		const sent = await sendMail(
			{ smtpUrl: url, mailFrom: 'x@t.example' },
			{ to: 'a@b.tn', ...mail },
			(l) => lines.push(l)
		);
		expect(sent).toBe(false);
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^mail not sent \(E[A-Z]+\)/);
	});
});

describe('mail settings', () => {
	it('sends nothing unless SMTP_URL is set, and names a sender from ORIGIN by default', () => {
		const c = loadConfig({ ORIGIN: 'https://tamkeen.example.tn' });
		expect(c.smtpUrl).toBeNull();
		expect(c.mailFrom).toBe('Tamkeen <no-reply@tamkeen.example.tn>');
		expect(
			loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.tn:465', MAIL_FROM: 'a@b.tn' })
		).toMatchObject({
			smtpUrl: 'smtps://u:p@mail.example.tn:465',
			mailFrom: 'a@b.tn'
		});
	});

	it('refuses an SMTP_URL that is not an smtp:// or smtps:// URL', () => {
		expect(() => loadConfig({ SMTP_URL: 'mail.example.tn' })).toThrow(ConfigError);
		expect(() => loadConfig({ SMTP_URL: 'http://mail.example.tn' })).toThrow(/SMTP_URL must/);
	});
});
