// Whether the centre can see an MPP's edge (issue 13): an edge says hello every 3 s, so ten missed
// beats mean the link is down. The pages then say since when, and up to when the centre has its data,
// in the MPP's own zone: nothing in the figures after that moment has reached the centre yet.
import { localDate, localTime, formatClock, zoneLabel } from '../../domain/local-day';
import type { Db } from '../db/client';
import { listEdgeLinks, type EdgeLinkRow } from '../db/edge-nodes';

export const OFFLINE_AFTER_MS = 30_000;

export interface OfflineEdge {
	mppId: string;
	mppName: string;
	edgeName: string;
	/** MPP-local "HH:MM" (with the date when not today) and zone, or null when never connected */
	since: string | null;
	/** the newest moment the centre holds from this edge, same form, or null when nothing arrived */
	dataThrough: string | null;
}

export function offlineEdges(rows: EdgeLinkRow[], now: Date): OfflineEdge[] {
	return rows
		.filter((r) => !r.lastSeenAt || now.getTime() - r.lastSeenAt.getTime() > OFFLINE_AFTER_MS)
		.map((r) => ({
			mppId: r.mppId,
			mppName: r.mppName,
			edgeName: r.name,
			since: r.lastSeenAt && shown(r.lastSeenAt, r.timezone, now),
			dataThrough: r.dataThrough && shown(r.dataThrough, r.timezone, now)
		}));
}

function shown(at: Date, timeZone: string, now: Date): string {
	const { minutes } = localTime(at, timeZone);
	const day = localDate(at, timeZone);
	const clock = `${formatClock(minutes)} ${zoneLabel(timeZone)}`;
	return day === localDate(now, timeZone) ? clock : `${day} ${clock}`;
}

/** The MPP's edges the centre cannot see now (empty for an MPP without an edge). */
export async function offlineEdgesOf(db: Db, mppId: string | null, now = new Date()): Promise<OfflineEdge[]> {
	return offlineEdges(await listEdgeLinks(db, mppId), now);
}
