// The edge's contact with the centre (issue 13): every few seconds it says hello with its token and
// its own clock, so the centre knows it is alive and how far its clock is off. A failure is only
// logged: the hall keeps working without the centre, and the next attempt simply tries again.
// The outbox sender and the configuration pull will run on this same beat (not yet built).
import type { ServerMode } from './mode';

export const EDGE_BEAT_MS = 3_000;

type EdgeMode = Extract<ServerMode, { mode: 'edge' }>;

export interface EdgeLink {
	stop(): void;
}

export function startEdgeLink(mode: EdgeMode, log: (line: string) => void): EdgeLink {
	let reachable: boolean | undefined;
	const report = (now: boolean, line: string) => {
		// one line per change, not one per beat during an eight-hour outage
		if (reachable !== now) log(line);
		reachable = now;
	};
	const beat = async () => {
		try {
			const response = await fetch(`${mode.centralUrl}/api/v1/edge/handshake`, {
				headers: { authorization: `Bearer ${mode.token}`, 'x-edge-time': String(Date.now()) },
				signal: AbortSignal.timeout(EDGE_BEAT_MS)
			});
			await response.body?.cancel();
			if (response.status === 401)
				report(false, 'Edge: the centre refuses this edge token (revoked or unknown)');
			else if (!response.ok) report(false, `Edge: the centre answered ${response.status}`);
			else report(true, `Edge: centre reachable at ${mode.centralUrl}`);
		} catch {
			report(false, `Edge: centre unreachable at ${mode.centralUrl}; the hall keeps working`);
		}
	};
	void beat();
	const timer = setInterval(() => void beat(), EDGE_BEAT_MS);
	timer.unref();
	return { stop: () => clearInterval(timer) };
}
