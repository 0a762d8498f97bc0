/** A real calendar day written `YYYY-MM-DD` (`2026-02-30` is not one). */
export function isDay(text: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	const d = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

// Built once: a DateTimeFormat with a time zone costs more to build than the page's queries.
const TUNIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Tunis' });

/** Today's calendar day in Tunisia, where cohorts run (due dates are Tunisian days). */
export function tunisDay(now: Date): string {
	return TUNIS_DAY.format(now);
}
