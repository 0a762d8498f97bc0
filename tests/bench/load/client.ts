// One simulated learner's HTTP connection, kept alive between their actions as a phone's would
// be: the server meets 2,000 clients with a connection each, not one pool shared by all of them
// (which opened connections in bursts whenever a few answers were slow).
import http from 'node:http';

export type Reply = {
	status: number;
	url: string;
	headers: { get: (name: string) => string | null };
	arrayBuffer: () => Promise<ArrayBuffer>;
	json: () => Promise<unknown>;
};
export type Send = (
	url: string,
	init?: { method?: string; headers?: Record<string, string>; body?: string }
) => Promise<Reply>;

/**
 * A client with its own keep-alive connection (or `connections` of them, for a double click);
 * redirects are returned, not followed. Far cheaper per request than fetch, so the load
 * generator, which shares the machine, leaves the cores to the server.
 */
export function learnerClient({ connections = 1 } = {}): Send {
	const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
	return (url, init = {}) =>
		new Promise((resolve, reject) => {
			const req = http.request(
				url,
				{ method: init.method ?? 'GET', headers: init.headers, agent },
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('error', reject);
					res.on('end', () => {
						const body = Buffer.concat(chunks);
						resolve({
							status: res.statusCode ?? 0,
							url,
							headers: {
								get: (name) => {
									const v = res.headers[name.toLowerCase()];
									return Array.isArray(v) ? v.join(', ') : (v ?? null);
								}
							},
							arrayBuffer: () =>
								Promise.resolve(body.buffer.slice(body.byteOffset, body.byteOffset + body.length)),
							json: () => Promise.resolve(JSON.parse(body.toString('utf8')) as unknown)
						});
					});
				}
			);
			req.on('error', reject);
			req.end(init.body);
		});
}
