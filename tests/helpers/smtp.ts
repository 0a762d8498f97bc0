// A real SMTP server on a free local port, started by a test: every message Tamkeen sends is
// received over SMTP, decoded (headers, text and HTML parts) and kept for the test to read.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = {
	from: string;
	to: string[];
	subject: string;
	text: string;
	html: string;
	raw: string;
};

export type TestSmtp = {
	/** `SMTP_URL` for the app under test. */
	url: string;
	messages: ReceivedMail[];
	/** The first message (already received or still to come) to `to` that matches. */
	waitFor: (to: string, match?: (m: ReceivedMail) => boolean, ms?: number) => Promise<ReceivedMail>;
	close: () => Promise<void>;
};

/** RFC 2047 words (`=?UTF-8?B?…?=`) in a header, as nodemailer writes non-ASCII subjects. */
function decodeWords(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_all, _charset, enc: string, data: string) =>
			enc.toLowerCase() === 'b'
				? Buffer.from(data, 'base64').toString('utf8')
				: decodeQuoted(data.replace(/_/g, ' '))
		);
}

function decodeQuoted(text: string): string {
	const bytes: number[] = [];
	const soft = text.replace(/=\r?\n/g, '');
	for (let i = 0; i < soft.length; i++) {
		const hex = soft[i] === '=' ? soft.slice(i + 1, i + 3) : '';
		if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
			bytes.push(parseInt(hex, 16));
			i += 2;
		} else bytes.push(...Buffer.from(soft[i]!, 'utf8'));
	}
	return Buffer.from(bytes).toString('utf8');
}

type Part = { headers: Map<string, string>; body: string };

function splitPart(raw: string): Part {
	const at = raw.search(/\r?\n\r?\n/);
	const head = at < 0 ? raw : raw.slice(0, at);
	const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
	const headers = new Map<string, string>();
	for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon > 0)
			headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
	}
	return { headers, body };
}

function decodeBody({ headers, body }: Part): string {
	const enc = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
	if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	if (enc === 'quoted-printable') return decodeQuoted(body);
	return body;
}

/** The text and HTML of a message, however deep its multipart nesting. */
function leaves(part: Part, out: { text: string; html: string }) {
	const type = part.headers.get('content-type') ?? 'text/plain';
	const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
	if (type.toLowerCase().startsWith('multipart/') && boundary) {
		const pieces = part.body.split(`--${boundary}`).slice(1);
		for (const piece of pieces) {
			if (piece.startsWith('--')) break;
			leaves(splitPart(piece.replace(/^\r?\n/, '')), out);
		}
	} else if (type.toLowerCase().startsWith('text/html')) out.html += decodeBody(part);
	else if (type.toLowerCase().startsWith('text/plain')) out.text += decodeBody(part);
}

/** Decodes a raw RFC 5322 message as received. */
export function readMail(raw: string, envelope: { from: string; to: string[] }): ReceivedMail {
	const top = splitPart(raw);
	const out = { text: '', html: '' };
	leaves(top, out);
	return { ...envelope, subject: decodeWords(top.headers.get('subject') ?? ''), ...out, raw };
}

/** Starts the server; `close()` it after the tests. */
export async function startSmtp(): Promise<TestSmtp> {
	const messages: ReceivedMail[] = [];
	const waiting = new Set<() => void>();
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				const envelope = {
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address)
				};
				messages.push(readMail(Buffer.concat(chunks).toString('utf8'), envelope));
				for (const wake of waiting) wake();
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.server.address() as AddressInfo).port;
	const find = (to: string, match: (m: ReceivedMail) => boolean) =>
		messages.find((m) => m.to.includes(to) && match(m));
	return {
		url: `smtp://127.0.0.1:${String(port)}`,
		messages,
		waitFor: (to, match = () => true, ms = 10_000) =>
			new Promise((resolve, reject) => {
				const check = () => {
					const found = find(to, match);
					if (!found) return;
					clearTimeout(timer);
					waiting.delete(check);
					resolve(found);
				};
				const timer = setTimeout(() => {
					waiting.delete(check);
					reject(new Error(`no mail to ${to} within ${String(ms)} ms`));
				}, ms);
				waiting.add(check);
				check();
			}),
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => {
					resolve();
				});
			})
	};
}
