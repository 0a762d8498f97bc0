import type { PageServerLoad } from './$types';
import { loadAnalysis } from './analysis.server';

// Aggregates only, but with every answer key: the course's trainers and admins (canViewItemAnalysis).
// Tables and links only: the page needs no framework JavaScript (issue 15).
export const csr = false;

export const load: PageServerLoad = (event) => loadAnalysis(event);
