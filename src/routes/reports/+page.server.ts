import type { PageServerLoad } from './$types';
import { loadReport } from './report.server';

// Aggregates only, small cells suppressed: partners, admins, and trainers for their courses.
export const csr = false;
export const load: PageServerLoad = (event) => loadReport(event);
