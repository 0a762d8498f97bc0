// One signed-in, enrolled learner for the benches that request pages as someone.

/** Registers a learner and enrols them, as a browser would; returns their cookie. */
export async function signedInLearner(
	base: string,
	course: string,
	emailPrefix = 'bench'
): Promise<string> {
	const form = (fields: Record<string, string>, cookie = '') => ({
		method: 'POST',
		redirect: 'manual' as const,
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: base,
			accept: 'text/html',
			cookie
		},
		body: new URLSearchParams(fields).toString()
	});
	const reg = await fetch(
		`${base}/ar/register`,
		form({
			name: 'قارئة',
			email: `${emailPrefix}${String(Date.now())}@example.tn`,
			password: 'bench passphrase',
			locale: 'ar'
		})
	);
	const cookie = reg.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	await fetch(`${base}/ar/courses/${course}?/enrol`, form({}, cookie));
	return cookie;
}
