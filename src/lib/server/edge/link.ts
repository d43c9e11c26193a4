// The edge's link to the centre (issue 13). Every few seconds, one beat: say hello (token, own clock:
// the centre records contact and skew), pull the configuration if the centre's version differs, bring
// the MPP's new and changed bookings, then send the outbox. A failure is logged once per change of
// state, never per beat, and the hall keeps working; the next beat simply tries again. Beats never
// overlap.
import type { Sql } from '../db/client';
import { armOutbox, outboxBacklog } from '../db/edge-outbox';
import { callCentre, CentreRefused, type EdgeMode } from './centre-client';
import { pullBookings } from './bookings-sync';
import { applyConfig, heldConfigVersion, type ConfigAnswer } from './config-sync';
import { sendOutbox } from './outbox-sender';

export const EDGE_BEAT_MS = 3_000;

export interface EdgeLink {
	stop(): Promise<void>;
}

interface Handshake {
	edgeNodeId: string;
	mpp: string;
	centreTime: string;
}

export async function startEdgeLink(
	mode: EdgeMode,
	sql: Sql,
	log: (line: string) => void
): Promise<EdgeLink> {
	await armOutbox(sql);
	let state = '';
	const report = (now: string, line = now) => {
		// one line per change, not one per beat during an eight-hour outage
		if (state !== now) log(line);
		state = now;
	};
	const beat = async () => {
		try {
			const hello = await callCentre<Handshake>(mode, '/api/v1/edge/handshake', { timeoutMs: EDGE_BEAT_MS });
			if (hello.mpp !== mode.mppSlug) {
				report(
					'wrong-mpp',
					`Edge: this token belongs to ${hello.mpp}, not ${mode.mppSlug} (ANTREAN_EDGE_MPP); nothing is synced`
				);
				return;
			}
			const since = await heldConfigVersion(sql);
			const config = await callCentre<ConfigAnswer>(
				mode,
				`/api/v1/edge/config${since ? `?since=${encodeURIComponent(since)}` : ''}`
			);
			if (await applyConfig(sql, config)) log(`Edge: configuration ${config.version} applied`);
			await pullBookings(sql, mode);
			const sent = await sendOutbox(sql, mode);
			// said once when the link comes (back), with what waited; steady sending stays quiet
			report(
				'ok',
				`Edge: centre reachable at ${mode.centralUrl}${sent.rows ? `; sent ${sent.rows} changes that waited` : ''}`
			);
		} catch (error) {
			if (error instanceof CentreRefused && error.status === 401)
				report('refused', 'Edge: the centre refuses this edge token (revoked or unknown)');
			else if (error instanceof CentreRefused) report(`answered-${error.status}`, `Edge: ${error.message}`);
			else if (!isLinkFailure(error)) report(`error ${String(error)}`, `Edge: sync failed: ${String(error)}`);
			else {
				const { rows } = await outboxBacklog(sql).catch(() => ({ rows: -1 }));
				report(
					'unreachable',
					`Edge: centre unreachable at ${mode.centralUrl}; the hall keeps working (${rows} changes waiting)`
				);
			}
		}
	};
	let running: Promise<void> | undefined;
	const tick = () => {
		running ??= beat().finally(() => (running = undefined));
	};
	tick();
	const timer = setInterval(tick, EDGE_BEAT_MS);
	timer.unref();
	return {
		stop: async () => {
			clearInterval(timer);
			await running;
		}
	};
}

/** fetch's own failures (no route, refused, reset, timed out), as opposed to a fault of ours. */
function isLinkFailure(error: unknown): boolean {
	const name = (error as { name?: string }).name;
	return (
		(error instanceof TypeError && error.message === 'fetch failed') ||
		name === 'TimeoutError' ||
		name === 'AbortError'
	);
}
