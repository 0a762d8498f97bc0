const FSI = String.fromCodePoint(0x2068);
const PDI = String.fromCodePoint(0x2069);

/**
 * Text that can hold no markup (an <option>, a title) keeps a run of the other direction in
 * its place only when the run is isolated: first-strong isolate … pop directional isolate.
 */
export function isolate(text: string): string {
	return FSI + text + PDI;
}
