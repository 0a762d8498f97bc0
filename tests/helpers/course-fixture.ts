// A writable copy of the valid fixture course, for tests that add or change a file or two.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const VALID_COURSE = path.resolve('tests/fixtures/courses/valid/local-budgets');

export type CourseCopy = {
	/** The catalogue folder holding the copy (for importCourses). */
	catalog: string;
	/** The course folder itself. */
	dir: string;
	write(rel: string, text: string): void;
	/** Replaces `from` (which must be there) by `to` in a file of the copy. */
	edit(rel: string, from: string, to: string): void;
	remove(): void;
};

/** Copies the valid fixture course to a fresh temporary folder. */
export function copyValidCourse(): CourseCopy {
	const catalog = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-course-'));
	const dir = path.join(catalog, 'local-budgets');
	fs.cpSync(VALID_COURSE, dir, { recursive: true });
	return {
		catalog,
		dir,
		write(rel, text) {
			fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
			fs.writeFileSync(path.join(dir, rel), text);
		},
		edit(rel, from, to) {
			const file = path.join(dir, rel);
			const text = fs.readFileSync(file, 'utf8');
			if (!text.includes(from)) throw new Error(`${rel} does not contain ${from}`);
			fs.writeFileSync(file, text.replace(from, to));
		},
		remove() {
			fs.rmSync(catalog, { recursive: true, force: true });
		}
	};
}

/** An assignment.yaml with one essay worth 10 points and a rubric of 4 + 6. */
export const ASSIGNMENT_YAML = `title: { ar: "مهمة الوحدة", fr: "Devoir du module" }
attempts: 0
questions:
  - id: budget-map
    type: essay
    points: 10
    minutes: 45
    minWords: 20
    prompt: { ar: "حلّل ميزانية بلديتك.", fr: "Analysez le budget de votre commune." }
    rubric:
      - id: titles-named
        points: 4
        text: { ar: "يذكر العنوانين.", fr: "Nomme les deux titres." }
      - id: figures-read
        points: 6
        text: { ar: "يقرأ الأرقام.", fr: "Lit les chiffres." }
`;

/** A worksheet page in a locale. */
export const worksheet = (title: string, purpose: string) => `---
title: ${title}
purpose: ${purpose}
---

| ${title} | |
| --- | --- |
| | |
`;
