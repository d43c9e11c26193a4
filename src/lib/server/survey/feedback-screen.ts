// The feedback tablet (/feedback/<mpp>): a paired device of kind 'feedback' beside one counter shows
// the survey of the ticket just finished there (DOMAIN §1). Staff of the MPP may open it as a preview.
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { listCounters } from '../db/counters';
import type { Mpp } from '../db/mpps';
import { findDeviceCounterSetting, findLatestUnansweredAtCounter } from '../db/surveys';
import { claimDeviceToken } from '../devices/pairing';
import { screenAccess } from '../devices/screen-access';
import { AppError } from '../errors';
import { requireMppBySlug } from '../mpps';

/**
 * On a fresh page load (a reboot, a reload) the tablet still offers the survey of a ticket finished
 * this recently; live, it learns of each finish from the counter's room.
 */
export const PENDING_ON_LOAD_MINUTES = 3;

/**
 * What the tablet needs to ask about one ticket. The answer is posted with the ticket id: the track
 * code is the citizen's key and never reaches the counter's room (issue 10 item 4).
 */
export interface PendingSurvey {
	ticketId: string;
	number: string;
	serviceName: string;
	finishedAt: string;
}

export interface FeedbackScreen {
	mpp: Pick<Mpp, 'id' | 'slug' | 'name'>;
	access: 'device' | 'preview';
	/** the counter this tablet stands beside, or null until one is chosen */
	counter: { id: string; name: string } | null;
	/** true when an admin pinned the counter in the device's settings (`settings.counterId`) */
	pinned: boolean;
	/** the MPP's active counters, for choosing one when none is set */
	counters: { id: string; name: string }[];
	pending: PendingSurvey | null;
}

/** Checks a pairing link's token for this MPP's feedback tablet; the caller keeps it in the device cookie. */
export async function pairFeedback(db: Db, slug: string, token: string): Promise<void> {
	const mpp = await requireMppBySlug(db, slug);
	await claimDeviceToken(db, token, { mppId: mpp.id, kind: 'feedback' });
}

/**
 * The tablet's counter: the device setting `counterId` when an admin set one (it wins, so a visitor
 * cannot re-point a tablet), else `?counter=<id>` from the tablet's start URL.
 */
export async function openFeedbackScreen(
	db: Db,
	input: { slug: string; actor: Actor; counterParam: string | null; now?: Date }
): Promise<FeedbackScreen> {
	const mpp = await requireMppBySlug(db, input.slug);
	const access = screenAccess(input.actor, mpp.id, 'feedback');
	if (access === 'denied') {
		throw new AppError(
			403,
			'not_paired',
			'Tablet survei ini belum dipasangkan (feedback tablet not paired).'
		);
	}
	const pinnedId =
		input.actor.kind === 'device' ? await findDeviceCounterSetting(db, input.actor.device.id) : null;
	const counters = (await listCounters(db, mpp.id))
		.filter((c) => c.active)
		.map((c) => ({ id: c.id, name: c.name }));
	const counter = counters.find((c) => c.id === (pinnedId ?? input.counterParam)) ?? null;
	const since = new Date((input.now ?? new Date()).getTime() - PENDING_ON_LOAD_MINUTES * 60_000);
	const latest = counter ? await findLatestUnansweredAtCounter(db, counter.id, since) : undefined;
	return {
		mpp: { id: mpp.id, slug: mpp.slug, name: mpp.name },
		access,
		counter,
		pinned: pinnedId !== null && counter !== null,
		counters,
		pending: latest
			? {
					ticketId: latest.ticketId,
					number: latest.number,
					serviceName: latest.serviceName,
					finishedAt: latest.finishedAt.toISOString()
				}
			: null
	};
}
