// Parses a GIFT or Aiken question file and prints the questions as JSON, or each problem as
// `FILE:line: message`. Usage: npm run questions:parse -- --format gift|aiken FILE
import { readFileSync } from 'node:fs';
import { parseAiken } from '../lib/server/quiz/formats/aiken.ts';
import { parseGift } from '../lib/server/quiz/formats/gift.ts';

const PARSERS = { gift: parseGift, aiken: parseAiken };
const USAGE = 'usage: questions:parse --format gift|aiken FILE';

function main(args: string[]): number {
	const at = args.indexOf('--format');
	const format = at === -1 ? undefined : args[at + 1];
	const files = args.filter((_, i) => i !== at && i !== at + 1);
	if (format !== 'gift' && format !== 'aiken') {
		console.error(`${USAGE}\n--format must be gift or aiken, got ${format ?? 'nothing'}`);
		return 2;
	}
	const file = files[0];
	if (!file || files.length > 1) {
		console.error(USAGE);
		return 2;
	}
	let source: string;
	try {
		source = readFileSync(file, 'utf8');
	} catch {
		console.error(`${file}: cannot read the file`);
		return 2;
	}
	const { questions, errors } = PARSERS[format](source);
	for (const e of errors) console.error(`${file}:${e.line}: ${e.message}`);
	if (errors.length > 0) return 1;
	console.log(JSON.stringify(questions, null, 2));
	return 0;
}

process.exitCode = main(process.argv.slice(2));
