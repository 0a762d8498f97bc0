// Run as its own process by attempts.test.ts: opens the database file, waits for a shared
// moment, then starts the same learner's attempt a few times and prints the ids it got.
import { createDb } from '../../../src/lib/server/db/index.ts';
import { startAttempt } from '../../../src/lib/server/quiz/attempts/index.ts';
import { ISSUER } from './fixture.ts';

const [file, quizId, userId, at] = process.argv.slice(2);
const db = createDb(file!);
while (Date.now() < Number(at));
const ids = Array.from(
	{ length: 5 },
	() =>
		startAttempt(db, { issuer: ISSUER, userId: userId!, quizId: Number(quizId), locale: 'fr' }).id
);
db.$client.close();
process.stdout.write(JSON.stringify(ids));
