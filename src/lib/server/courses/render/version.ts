/**
 * Raise by one whenever the renderer's output changes (a plugin, the sanitiser schema, a label):
 * lesson HTML is stored at import, and the next start re-renders every stored lesson whose HTML
 * an older renderer wrote (courses/import/rerender.ts), although no course file changed.
 */
export const RENDERER_VERSION = 3;
