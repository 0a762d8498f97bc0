// "Check my answer" makes the answer final, so it asks first: a native <dialog> the server
// rendered (without JavaScript the server asks instead, with a confirmation step).
import { isBlank } from '../responses';
import { readControls, type Question } from './controls';

type Show = (q: Question, text: string, state: 'refused') => void;

/** Opens the confirmation for every check button; an empty answer is told to answer first. */
export function wireCheckDialog(
	form: HTMLFormElement,
	questions: Map<string, Question>,
	show: Show
) {
	const dialog = form.querySelector<HTMLDialogElement>('dialog[data-check-dialog]');
	const confirm = dialog?.querySelector<HTMLButtonElement>('button[name="confirm"]');
	const title = dialog?.querySelector<HTMLElement>('[data-title]');
	if (!dialog || !confirm || !title) return;
	dialog.querySelector('[data-cancel]')?.addEventListener('click', () => {
		dialog.close();
	});
	form.addEventListener('click', (e) => {
		const button = (e.target as Element | null)?.closest<HTMLButtonElement>('button[name="check"]');
		const q = button ? questions.get(button.value) : undefined;
		if (!button || !q) return;
		e.preventDefault();
		if (isBlank(readControls(form, q))) {
			show(q, form.dataset.textNoAnswer ?? '', 'refused');
			return;
		}
		confirm.value = q.id;
		title.textContent = (title.dataset.title ?? '').replace('{n}', button.dataset.n ?? '');
		dialog.showModal();
	});
}
