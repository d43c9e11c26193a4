// Turns a service's AppError into SvelteKit's page error (status, code, message), so a page load can
// show a friendly error page; anything else stays a bug (500).
import { error } from '@sveltejs/kit';
import { isAppError } from '../errors';

export function rethrowAsPageError(cause: unknown, code?: string): never {
	if (isAppError(cause)) error(cause.status, { code: code ?? cause.code, message: cause.message });
	throw cause;
}
