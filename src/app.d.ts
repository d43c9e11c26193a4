import type { Locale } from '$lib/i18n';
import type { Actor } from '$lib/server/auth/actor';

declare global {
	namespace App {
		interface Error {
			code?: string;
			message: string;
		}
		interface Locals {
			actor: Actor;
			locale: Locale;
			/** a revoked device's cookie came with this request (its screen says so); see auth/resolve.ts */
			revokedDevice?: boolean;
			/**
			 * a load or action met the database out of reach, or a statement timeout: the answer becomes a
			 * 503 (hooks.server.ts)
			 */
			databaseTrouble?: 'unavailable' | 'timeout';
		}
	}
}

export {};
