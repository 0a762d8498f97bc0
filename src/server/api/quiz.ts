// Quiz attempts over JSON, for the attempt page's autosave and for other clients. Refusals are
// DomainErrors answered by the one table (src/lib/server/error-table.ts, via src/server/errors.ts):
// 400 INVALID_RESPONSE, 404 NOT_FOUND or UNKNOWN_QUESTION (another learner's attempt is not
// found either), 409 when the attempt can no longer change: ATTEMPT_SUBMITTED, or DEADLINE_PASSED
// (the time limit ran out; the attempt was submitted with what was saved before it).
// Submitting again answers the same result.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { routePlugin } from '../route-plugin.ts';
import {
	checkAnswer,
	saveAnswer,
	submitAttempt,
	viewAttempt
} from '../../lib/server/quiz/attempts/index.ts';
import type { AppContext } from '../context.ts';
import { requireApiRole } from './auth.ts';
import { ErrorBody } from './schemas.ts';
import { AnswerBody } from '../../lib/server/input/quiz.ts';

const Choice = Type.Object({ id: Type.String(), text: Type.String() });
// Only these keys are serialised: nothing that tells an answer can leave by accident.
const Presented = Type.Object({
	id: Type.String(),
	type: Type.String(),
	points: Type.Number(),
	prompt: Type.String(),
	options: Type.Optional(Type.Array(Choice)),
	pairs: Type.Optional(Type.Array(Choice)),
	matches: Type.Optional(Type.Array(Choice)),
	items: Type.Optional(Type.Array(Choice)),
	unit: Type.Optional(Type.String()),
	minWords: Type.Optional(Type.Number()),
	guidance: Type.Optional(Type.String())
});
// Feedback on one answer the learner asked to check (quizzes with immediate feedback only).
const Checked = Type.Object({
	correct: Type.Union([Type.Boolean(), Type.Null()]),
	score: Type.Union([Type.Number(), Type.Null()]),
	max: Type.Number(),
	feedback: Type.Array(Type.String()),
	explanation: Type.Union([Type.String(), Type.Null()])
});
const AttemptBody = Type.Object({
	attemptId: Type.Integer(),
	kind: Type.String(),
	status: Type.String(),
	startedAt: Type.String({ format: 'date-time' }),
	deadlineAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
	secondsLeft: Type.Union([Type.Integer(), Type.Null()]),
	questions: Type.Array(Presented),
	answers: Type.Record(
		Type.String(),
		Type.Object({
			response: Type.Unknown(),
			savedAt: Type.String({ format: 'date-time' }),
			revision: Type.Integer(),
			checked: Type.Optional(Checked)
		})
	),
	immediateFeedback: Type.Boolean()
});
const Result = Type.Object({
	attemptId: Type.Integer(),
	score: Type.Number(),
	max: Type.Number(),
	percentage: Type.Number(),
	passed: Type.Union([Type.Boolean(), Type.Null()]),
	pending: Type.Integer(),
	submittedAt: Type.String({ format: 'date-time' }),
	submittedBy: Type.String()
});
const AttemptParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const quizRoutes: FastifyPluginCallbackTypebox<{ ctx: AppContext }> = routePlugin(
	(app, { ctx }) => {
		app.get(
			'/attempts/:id',
			{
				schema: {
					operationId: 'getAttempt',
					summary: 'My attempt as shown: questions (never an answer key) and my saved answers',
					tags: ['quiz'],
					params: AttemptParams,
					response: { 200: AttemptBody, 401: ErrorBody, 404: ErrorBody }
				}
			},
			async (req, reply) => {
				const user = requireApiRole(ctx, req, reply);
				if (!user) return reply;
				const v = viewAttempt(ctx.db, {
					attemptId: req.params.id,
					userId: user.id,
					issuer: ctx.config
				});
				const answers = Object.fromEntries(
					Object.entries(v.answers).map(([id, a]) => [
						id,
						{
							response: a.response,
							savedAt: a.savedAt.toISOString(),
							revision: a.revision,
							...(a.checked ? { checked: a.checked } : {})
						}
					])
				);
				return {
					...v,
					startedAt: v.startedAt.toISOString(),
					deadlineAt: v.deadlineAt?.toISOString() ?? null,
					answers
				};
			}
		);

		app.post(
			'/attempts/:id/answers/:questionId',
			{
				schema: {
					operationId: 'saveAnswer',
					summary: 'Save my answer to one question of an open attempt (idempotent)',
					description:
						'409 ATTEMPT_SUBMITTED once submitted; 409 DEADLINE_PASSED once the time limit ran out (the attempt is then submitted).',
					tags: ['quiz'],
					params: Type.Object({
						id: Type.Integer({ minimum: 1 }),
						questionId: Type.String({ maxLength: 200 })
					}),
					body: AnswerBody,
					response: {
						200: Type.Object({
							savedAt: Type.String({ format: 'date-time' }),
							revision: Type.Integer()
						}),
						400: ErrorBody,
						401: ErrorBody,
						404: ErrorBody,
						409: ErrorBody
					}
				}
			},
			async (req, reply) => {
				const user = requireApiRole(ctx, req, reply);
				if (!user) return reply;
				const saved = saveAnswer(ctx.db, {
					attemptId: req.params.id,
					userId: user.id,
					questionId: req.params.questionId,
					response: req.body.response,
					issuer: ctx.config
				});
				return { savedAt: saved.savedAt.toISOString(), revision: saved.revision };
			}
		);

		app.post(
			'/attempts/:id/answers/:questionId/check',
			{
				schema: {
					operationId: 'checkAnswer',
					summary:
						'Check my saved answer now (immediate-feedback quizzes); the answer becomes final',
					tags: ['quiz'],
					params: Type.Object({
						id: Type.Integer({ minimum: 1 }),
						questionId: Type.String({ maxLength: 200 })
					}),
					response: { 200: Checked, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody }
				}
			},
			async (req, reply) => {
				const user = requireApiRole(ctx, req, reply);
				if (!user) return reply;
				return checkAnswer(ctx.db, {
					attemptId: req.params.id,
					userId: user.id,
					questionId: req.params.questionId,
					issuer: ctx.config
				});
			}
		);

		app.post(
			'/attempts/:id/submit',
			{
				schema: {
					operationId: 'submitAttempt',
					summary: 'Submit my attempt; submitting again returns the same result',
					tags: ['quiz'],
					params: AttemptParams,
					response: { 200: Result, 401: ErrorBody, 404: ErrorBody }
				}
			},
			async (req, reply) => {
				const user = requireApiRole(ctx, req, reply);
				if (!user) return reply;
				const r = submitAttempt(ctx.db, {
					attemptId: req.params.id,
					userId: user.id,
					issuer: ctx.config
				});
				return { ...r, submittedAt: r.submittedAt.toISOString() };
			}
		);
	}
);
