// Lesson pages ship no framework JavaScript (csr = false, for weak connections). This small
// script restores where the reader was and remembers it as they read. Without it, the page
// works the same; only the scroll position is not kept.
(function () {
	var article = document.querySelector('article[data-lesson-id]');
	if (!article) return;
	var id = article.getAttribute('data-lesson-id');
	var last = Number(article.getAttribute('data-scroll')) || 0;
	var enrolled = article.getAttribute('data-enrolled') === 'true';
	function room() {
		return document.documentElement.scrollHeight - window.innerHeight;
	}
	if (last > 0.02 && room() > 0) window.scrollTo(0, last * room());
	if (!enrolled || !navigator.sendBeacon) return;
	function save() {
		var value = room() > 0 ? Math.min(1, window.scrollY / room()) : 1;
		if (Math.abs(value - last) < 0.02) return;
		last = value;
		navigator.sendBeacon(
			'/api/v1/me/lessons/' + id + '/scroll',
			new Blob([JSON.stringify({ scroll: value })], { type: 'application/json' })
		);
	}
	// Saved shortly after the reader stops scrolling: by the time `pagehide` fires, a sign-out
	// has already ended the session, so that moment alone is too late.
	var timer;
	window.addEventListener(
		'scroll',
		function () {
			clearTimeout(timer);
			timer = setTimeout(save, 800);
		},
		{ passive: true }
	);
	window.addEventListener('pagehide', save);
})();
