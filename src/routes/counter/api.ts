// The console's calls to the JSON API (same origin, session cookie). Every answer becomes
// { ok: true, … } or { ok: false, error }, so a refusal is shown as a message, never thrown.
// Each press is one Idempotency-Key, retried with the same key, so a lost answer to "next" does not
// finish the citizen just called and call another (issue 10 item 6).
import { idempotentPost } from '$lib/http/idempotent-post';
import type { CounterView, TicketView } from '$lib/realtime/events';
import type { ApiError } from '$lib/counter/errors';
import type { ConsoleStats } from '$lib/server/console';

export type Result<T> = ({ ok: true } & T) | { ok: false; error: ApiError };

export type TicketAction = 'recall' | 'start' | 'finish' | 'no-show';

async function post<T>(path: string, body?: unknown): Promise<Result<T>> {
	let response: Response;
	try {
		response = await idempotentPost(path, {
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	} catch {
		return { ok: false, error: { code: 'network' } };
	}
	if (response.status === 204) return { ok: true } as Result<T>;
	const data = await response.json().catch(() => null);
	if (response.ok && data) return { ok: true, ...data };
	return { ok: false, error: data?.error ?? { code: response.status >= 500 ? 'internal' : 'unknown' } };
}

/** `ticket` is absent when nobody waits (204). */
export const callNext = (counterId: string) =>
	post<{ ticket?: TicketView; finished?: TicketView | null }>(`/api/v1/counters/${counterId}/call-next`);

export const ticketAction = (ticketId: string, action: TicketAction) =>
	post<{ ticket: TicketView }>(`/api/v1/tickets/${ticketId}/${action}`);

export const transferTicket = (ticketId: string, serviceId: string) =>
	post<{ ticket: TicketView }>(`/api/v1/tickets/${ticketId}/transfer`, { serviceId });

export const setCounterStatus = (counterId: string, status: CounterView['status']) =>
	post<{ counter: CounterView }>(`/api/v1/counters/${counterId}/status`, { status });

export async function fetchStats(counterId: string): Promise<ConsoleStats | null> {
	try {
		const response = await fetch(`/counter/stats?c=${counterId}`);
		return response.ok ? ((await response.json()) as ConsoleStats) : null;
	} catch {
		return null;
	}
}
