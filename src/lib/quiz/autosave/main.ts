// The quiz attempt page's only script (the page ships no framework JavaScript: csr = false).
// Its forms work without it; with it, each answer is saved as it changes, an answer that could
// not be sent is kept in the page and in localStorage until the server acknowledges it, retried
// with backoff and when the connection returns, and each question says where its answer stands.
// Built by Vite as a standalone classic script (imported with `?worker&url` for that reason
// only: it runs in the page, not in a worker).
import { needsSaving } from '../responses';
import { isLocked, questionsOf, readControls, writeControls, type Question } from './controls';
import { Outbox, retryDelay, type KeyValueStore } from './outbox';
import { sendAnswer } from './send';
import { startTimer } from './timer';
import { wireCheckDialog } from './check-dialog';

type State = 'saving' | 'saved' | 'unsent' | 'refused';

function storage(): KeyValueStore | null {
	try {
		return window.localStorage;
	} catch {
		return null;
	}
}

function start(form: HTMLFormElement) {
	const attemptId = form.dataset.attempt ?? '';
	const texts = form.dataset;
	const questions = questionsOf(form);
	const outbox = new Outbox(storage(), attemptId);
	const states = new Map<string, State>();
	const inFlight = new Set<string>();
	const debounce = new Map<string, ReturnType<typeof setTimeout>>();
	const note = form.querySelector<HTMLElement>('[data-send-note]');
	// What the server holds: the page was rendered from it.
	const saved = new Map<string, unknown>();
	for (const q of questions.values()) saved.set(q.id, readControls(form, q));

	const show = (q: Question, text: string, state: State) => {
		states.set(q.id, state);
		if (!q.status) return;
		q.status.textContent = text;
		q.status.dataset.state = state;
	};
	const showState = (q: Question, state: Exclude<State, 'refused'>) => {
		const text = { saving: texts.textSaving, saved: texts.textSaved, unsent: texts.textUnsent };
		show(q, text[state] ?? '', state);
	};

	let failures = 0;
	let retryTimer: ReturnType<typeof setTimeout> | undefined;
	const retryLater = () => {
		if (retryTimer !== undefined) return;
		retryTimer = setTimeout(() => {
			retryTimer = undefined;
			void flush();
		}, retryDelay(failures++));
	};
	const review = (deadline: boolean) => {
		outbox.clear();
		location.assign(`${texts.review ?? ''}${deadline ? '?deadline=1' : ''}`);
	};

	async function send(q: Question): Promise<void> {
		if (inFlight.has(q.id) || !outbox.has(q.id)) return;
		const response = outbox.get(q.id);
		inFlight.add(q.id);
		// While it is retried the question keeps saying "not sent yet" rather than flickering.
		if (states.get(q.id) !== 'unsent') showState(q, 'saving');
		const outcome = await sendAnswer(attemptId, q.id, response);
		inFlight.delete(q.id);
		switch (outcome.kind) {
			case 'saved':
				failures = 0;
				saved.set(q.id, response);
				if (outbox.acknowledge(q.id, response)) showState(q, 'saved');
				else return send(q); // changed while it travelled: send the newer answer
				if (outbox.size === 0) hideNote();
				return;
			case 'retry':
				showState(q, 'unsent');
				retryLater();
				return;
			case 'refused':
				outbox.remove(q.id);
				show(q, texts.textRefused ?? '', 'refused');
				return;
			case 'final':
				outbox.remove(q.id);
				location.assign(location.pathname);
				return;
			case 'closed':
				review(outcome.deadline);
		}
	}

	function flush() {
		return Promise.all(
			outbox.ids().flatMap((id) => {
				const q = questions.get(id);
				return q ? [send(q)] : [];
			})
		);
	}

	/** Keeps the answer the controls hold (at once, so a closed tab loses nothing) and sends it. */
	function changed(q: Question, delay: number) {
		const response = readControls(form, q);
		if (!needsSaving(response, saved.get(q.id))) {
			if (outbox.has(q.id) && !inFlight.has(q.id)) {
				outbox.remove(q.id);
				showState(q, 'saved');
			}
			return;
		}
		outbox.put(q.id, response);
		clearTimeout(debounce.get(q.id));
		debounce.set(
			q.id,
			setTimeout(() => void send(q), delay)
		);
	}

	const questionOf = (e: Event) => {
		const id = (e.target as Element | null)?.closest<HTMLElement>('[data-question]')?.dataset
			.question;
		return id === undefined ? undefined : questions.get(id);
	};
	form.addEventListener('change', (e) => {
		const q = questionOf(e);
		if (q) changed(q, 0);
	});
	form.addEventListener('input', (e) => {
		const q = questionOf(e);
		if (q && (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement))
			changed(q, 800);
	});
	window.addEventListener('online', () => {
		clearTimeout(retryTimer);
		retryTimer = undefined;
		failures = 0;
		void flush();
	});

	function hideNote() {
		if (note) note.hidden = true;
	}
	// A post while answers are unsent (or while offline) would fail or race them: send them
	// first, or say why nothing happens yet.
	let resubmitting = false;
	form.addEventListener('submit', (e) => {
		if (resubmitting) return;
		const submitter = e.submitter;
		for (const [id, t] of debounce) {
			clearTimeout(t);
			debounce.delete(id);
		}
		if (outbox.size === 0 && navigator.onLine) return;
		e.preventDefault();
		void flush().then(() => {
			if (outbox.size === 0 && navigator.onLine) {
				resubmitting = true;
				form.requestSubmit(submitter instanceof HTMLButtonElement ? submitter : null);
				return;
			}
			form.querySelector('dialog')?.close();
			if (note) {
				note.textContent = (navigator.onLine ? texts.textUnsentWait : texts.textOfflineWait) ?? '';
				note.hidden = false;
			}
		});
	});

	// Unsent answers from an earlier visit (a reload, a closed tab): put them back and send them.
	for (const id of outbox.ids()) {
		const q = questions.get(id);
		if (!q || isLocked(q) || !needsSaving(outbox.get(id), saved.get(id))) {
			outbox.remove(id);
			continue;
		}
		writeControls(q, outbox.get(id));
		showState(q, 'unsent');
	}
	void flush();
	wireCheckDialog(form, questions, show);
}

const form = document.querySelector<HTMLFormElement>('form[data-attempt]');
if (form) start(form);
const timer = document.querySelector<HTMLElement>('[data-seconds-left]');
if (timer) startTimer(timer);
