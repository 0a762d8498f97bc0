// CodeMirror 6 over the lesson textarea, loaded only on the studio's lesson page (a lazily
// imported chunk: learner pages never load it). Each line takes its own direction from its
// first strong character, so an Arabic line with Latin words and a Latin-only line are both
// laid out and navigated correctly. The textarea stays the form field: every change is
// written back to it, so the form posts the same `body` with or without the editor.
import { EditorState, RangeSetBuilder } from '@codemirror/state';
import {
	Decoration,
	drawSelection,
	EditorView,
	highlightSpecialChars,
	keymap,
	ViewPlugin,
	type DecorationSet,
	type ViewUpdate
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdownKeymap, markdownLanguage } from '@codemirror/lang-markdown';

// perLineTextDirection makes CodeMirror read each line's computed `direction` (for arrow keys,
// Home/End, selection drawing); `dir="auto"` is what gives each line the direction of its first
// strong character. Without it every line inherits the editor's, and a Latin line in an
// Arabic lesson moves its cursor the wrong way (seen in Chromium: Home went to the line's end).
const autoDirection = Decoration.line({ attributes: { dir: 'auto' } });
function lineDirections(view: EditorView): DecorationSet {
	const builder = new RangeSetBuilder<Decoration>();
	for (const { from, to } of view.visibleRanges) {
		for (let pos = from; pos <= to;) {
			const line = view.state.doc.lineAt(pos);
			builder.add(line.from, line.from, autoDirection);
			pos = line.to + 1;
		}
	}
	return builder.finish();
}
const perLineDirection = ViewPlugin.fromClass(
	class {
		decorations: DecorationSet;
		constructor(view: EditorView) {
			this.decorations = lineDirections(view);
		}
		update(u: ViewUpdate) {
			if (u.docChanged || u.viewportChanged) this.decorations = lineDirections(u.view);
		}
	},
	{ decorations: (v) => v.decorations }
);

export type MountedEditor = {
	/** Puts `text` at the cursor (replacing the selection), as the toolbar does. */
	insert: (text: string) => void;
	/** Replaces the whole text (a merge copied from another version). */
	replace: (text: string) => void;
	destroy: () => void;
};

/** Replaces `textarea` on screen by an editor; `onChange` hears every edit. */
export function mountEditor(
	textarea: HTMLTextAreaElement,
	{ label, onChange }: { label: string; onChange: () => void }
): MountedEditor {
	const describedby = textarea.getAttribute('aria-describedby');
	const view = new EditorView({
		state: EditorState.create({
			doc: textarea.value,
			extensions: [
				history(),
				drawSelection(),
				highlightSpecialChars(),
				// The Markdown language without `markdown()`'s embedded HTML, CSS and JavaScript
				// parsers (they would weigh 60 kB gzipped more; lesson HTML is sanitised anyway).
				markdownLanguage.extension,
				keymap.of([...markdownKeymap, ...defaultKeymap, ...historyKeymap]),
				EditorView.lineWrapping,
				EditorView.perLineTextDirection.of(true),
				perLineDirection,
				EditorView.editable.of(!textarea.readOnly),
				EditorState.readOnly.of(textarea.readOnly),
				EditorView.contentAttributes.of({
					'aria-label': label,
					lang: textarea.lang,
					...(describedby ? { 'aria-describedby': describedby } : {}),
					...(textarea.getAttribute('aria-invalid') === 'true' ? { 'aria-invalid': 'true' } : {})
				}),
				EditorView.updateListener.of((u) => {
					if (!u.docChanged) return;
					textarea.value = u.state.doc.toString();
					onChange();
				})
			]
		})
	});
	view.dom.classList.add('code-editor');
	textarea.after(view.dom);
	textarea.hidden = true;
	return {
		insert(text) {
			const { from, to } = view.state.selection.main;
			const before = view.state.sliceDoc(0, from);
			const lead =
				before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
			view.dispatch({
				changes: { from, to, insert: lead + text },
				selection: { anchor: from + lead.length + text.length },
				scrollIntoView: true
			});
			view.focus();
		},
		replace(text) {
			view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
		},
		destroy() {
			view.destroy();
			textarea.hidden = false;
		}
	};
}
