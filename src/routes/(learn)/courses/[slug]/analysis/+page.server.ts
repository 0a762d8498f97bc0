import type { PageServerLoad } from './$types';
import { loadAnalysis } from './analysis.server';

// Aggregates only, but with every answer key: the course's trainers and admins (canViewItemAnalysis).
export const load: PageServerLoad = (event) => loadAnalysis(event);
