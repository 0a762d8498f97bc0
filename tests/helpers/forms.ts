import type { FastifyInstance } from 'fastify';

export const ORIGIN = 'http://localhost';

/** Posts a urlencoded form the way a browser without JavaScript does (pairs: repeated names). */
export function postForm(
	app: FastifyInstance,
	url: string,
	fields: Record<string, string> | [string, string][],
	cookie = ''
) {
	return app.inject({
		method: 'POST',
		url,
		headers: {
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			origin: ORIGIN,
			...(cookie ? { cookie } : {})
		},
		payload: new URLSearchParams(fields).toString()
	});
}

/** Posts a multipart form (what a form with a file input sends). */
export function postMultipart(
	app: FastifyInstance,
	url: string,
	fields: Record<string, string>,
	cookie = ''
) {
	const boundary = '----tamkeen' + Math.random().toString(16).slice(2);
	const body =
		Object.entries(fields)
			.map(
				([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`
			)
			.join('') + `--${boundary}--\r\n`;
	return app.inject({
		method: 'POST',
		url,
		headers: {
			accept: 'text/html',
			'content-type': `multipart/form-data; boundary=${boundary}`,
			origin: ORIGIN,
			...(cookie ? { cookie } : {})
		},
		payload: body
	});
}

export const registration = (over: Record<string, string> = {}) => ({
	name: 'Amina Ben Salah',
	email: `amina.${Math.random().toString(36).slice(2, 8)}@example.tn`,
	password: 'une phrase de passe',
	locale: 'ar',
	...over
});
