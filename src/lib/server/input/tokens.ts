// Creating and revoking a personal access token from the account page.
import { Type } from 'typebox';
import { TOKEN_NAME_MAX } from '../auth/access-token.ts';
import { defineShape } from './check.ts';

export const TokenCreateForm = defineShape({
	schema: Type.Object({
		name: Type.String({ minLength: 1, maxLength: TOKEN_NAME_MAX }),
		scope: Type.Literal('reports:read'),
		days: Type.String({ pattern: '^(30|90|180|365)$' })
	}),
	text: ['name']
});

export const TokenRevokeForm = defineShape({
	schema: Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) })
});
