// Raw HTTP over loopback with node:http: paths are sent as written (no `..` folding, no
// re-encoding) and bodies as bytes, which fetch would not allow.
import http from 'node:http';

export type Probe = {
	method: string;
	path: string;
	headers?: Record<string, string>;
	body?: Buffer;
	/** What the probe is, for reports: route id or API operation, and the variant. */
	target: string;
	variant: string;
};

export type Answer = { status: number; location: string; body: string; ms?: number };

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/**
 * Sends one request; status 0 means the server closed the connection without an answer. A
 * kept-alive socket the server had closed is retried once on a fresh connection.
 */
export async function send(origin: string, p: Probe): Promise<Answer> {
	const a = await sendOnce(origin, p, agent);
	return a.status === 0 ? sendOnce(origin, p, false) : a;
}

function sendOnce(origin: string, p: Probe, via: http.Agent | false): Promise<Answer> {
	const url = new URL(origin);
	return new Promise((resolve) => {
		const req = http.request(
			{
				host: url.hostname,
				port: url.port,
				method: p.method,
				path: p.path,
				agent: via,
				headers: {
					...(p.body ? { 'content-length': String(p.body.length) } : {}),
					...p.headers
				},
				timeout: 30_000
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => {
					resolve({
						status: res.statusCode ?? 0,
						location: res.headers.location ?? '',
						body: Buffer.concat(chunks).toString('utf8')
					});
				});
				res.on('error', () => {
					resolve({ status: res.statusCode ?? 0, location: '', body: '' });
				});
			}
		);
		req.on('error', () => {
			resolve({ status: 0, location: '', body: '' });
		});
		req.on('timeout', () => req.destroy());
		req.end(p.body);
	});
}

/** Sends each job's requests, `concurrency` jobs at a time; calls `seen` with each answer. */
export async function sendAll(
	origin: string,
	jobs: (() => Probe[])[],
	seen: (p: Probe, a: Answer) => void,
	concurrency = 4
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < jobs.length) {
			for (const p of jobs[next++]!()) {
				const t0 = Date.now();
				const a = await send(origin, p);
				a.ms = Date.now() - t0;
				seen(p, a);
			}
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Percent-encodes what Node refuses on a request line (controls, spaces, non-ASCII) as UTF-8. */
export function rawPathSafe(path: string): string {
	return path.replace(/[^\u0021-\u007e]/gu, (c) =>
		[...Buffer.from(c, 'utf8')]
			.map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0'))
			.join('')
	);
}

/** Percent-encodes every byte but the unreserved ones (RFC 3986), through UTF-8; never throws. */
export function pct(value: string | Buffer): string {
	const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
	let out = '';
	for (const b of bytes)
		out += /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b))
			? String.fromCharCode(b)
			: '%' + b.toString(16).toUpperCase().padStart(2, '0');
	return out;
}
