// The time limit, counted down in the page; the server closes the attempt at the deadline and a
// reload then shows the review.

const clock = (s: number) => `${String(Math.floor(s / 60))}:${String(s % 60).padStart(2, '0')}`;

/** Counts down in `el` (rendered by the server with the seconds left and both sentences). */
export function startTimer(el: HTMLElement) {
	const start = Number(el.dataset.secondsLeft);
	if (!Number.isFinite(start)) return;
	const end = Date.now() + start * 1000;
	const template = el.dataset.textLeft ?? '{time}';
	const tick = setInterval(() => {
		const left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
		el.textContent = left > 0 ? template.replace('{time}', clock(left)) : (el.dataset.textUp ?? '');
		el.classList.toggle('urgent', left < 60);
		if (Date.now() > end + 1500) {
			clearInterval(tick);
			location.assign(location.pathname);
		}
	}, 1000);
}
