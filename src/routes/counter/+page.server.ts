import { error, redirect } from '@sveltejs/kit';
import { describeError } from '$lib/counter/errors';
import { listCounterChoices, openConsole, requireConsoleUser } from '$lib/server/console';
import { getSql } from '$lib/server/db/client';
import { isAppError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

// The counter this computer last worked, so an operator lands on it straight after signing in.
const COUNTER_COOKIE = 'antrean_counter';
const cookieOptions = { path: '/counter', httpOnly: true, sameSite: 'lax', maxAge: 400 * 24 * 3600 } as const;

export const load: PageServerLoad = async ({ locals, url, cookies }) => {
	const { actor, locale } = locals;
	if (actor.kind === 'anonymous') redirect(303, `/login?${new URLSearchParams({ redirectTo: '/counter' })}`);
	const sql = getSql();
	try {
		const user = requireConsoleUser(actor);
		const requested = url.searchParams.get('c');
		const remembered = url.searchParams.has('pick') ? undefined : cookies.get(COUNTER_COOKIE);
		if (requested) {
			const data = await openConsole(sql, actor, requested);
			cookies.set(COUNTER_COOKIE, data.counter.id, cookieOptions);
			return { kind: 'console' as const, locale, user: { name: user.name, role: user.role }, ...data };
		}
		const groups = await listCounterChoices(sql, user);
		const ids = groups.flatMap((g) => g.counters.map((c) => c.id));
		const only = ids.length === 1 && !url.searchParams.has('pick') ? ids[0] : undefined;
		const target = remembered && ids.includes(remembered) ? remembered : only;
		if (target) redirect(303, `/counter?c=${target}`);
		return { kind: 'picker' as const, locale, user: { name: user.name, role: user.role }, groups };
	} catch (e) {
		if (!isAppError(e)) throw e;
		error(e.status, { code: e.code, message: describeError(locale, e) });
	}
};
