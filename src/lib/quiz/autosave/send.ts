// One answer to the server through the JSON API, and what its reply means for the outbox.

export type Outcome =
	| { kind: 'saved' }
	| { kind: 'retry' } // offline, timeout, 5xx, session trouble: keep it and try again later
	| { kind: 'refused' } // the server cannot read it: sending it again would not help
	| { kind: 'final' } // checked meanwhile (another tab): the answer can no longer change
	| { kind: 'closed'; deadline: boolean }; // submitted, or the time limit closed the attempt

const TIMEOUT_MS = 10_000;

/** Posts one response; never throws. */
export async function sendAnswer(
	attemptId: string,
	questionId: string,
	response: unknown
): Promise<Outcome> {
	try {
		const res = await fetch(
			`/api/v1/attempts/${attemptId}/answers/${encodeURIComponent(questionId)}`,
			{
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ response }),
				signal: AbortSignal.timeout(TIMEOUT_MS)
			}
		);
		if (res.ok) return { kind: 'saved' };
		if (res.status === 409) {
			const body = (await res.json().catch(() => ({}))) as { error?: string };
			if (body.error === 'ANSWER_CHECKED') return { kind: 'final' };
			return { kind: 'closed', deadline: body.error === 'DEADLINE_PASSED' };
		}
		if ([400, 404, 413, 422].includes(res.status)) return { kind: 'refused' };
		return { kind: 'retry' };
	} catch {
		return { kind: 'retry' };
	}
}
