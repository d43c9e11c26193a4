// The windows of a service-day as a citizen sees them: places left read from the one ledger, so the
// page never shows a place that walk-ins have already used (Kendari, DOMAIN §8).
import { regularQuota } from '../../domain/booking-slots';
import { zoneLabel } from '../../domain/local-day';
import { maxTicketSeq } from '../../domain/numbering';
import type { Sql } from '../db/client';
import { countSlotBookings, readLedger } from '../db/bookings';
import type { Mpp } from '../db/mpps';
import { requireBookableService } from './book';
import { checkDay, planDay } from './calendar';

export type SlotState = 'open' | 'full' | 'not_open_yet' | 'passed';

export interface SlotView {
	time: string;
	start: string;
	capacity: number;
	available: number;
	opensAt: string;
	state: SlotState;
}

export interface DaySlots {
	serviceId: string;
	date: string;
	zone: string;
	/** false when the MPP is closed that day */
	open: boolean;
	slots: SlotView[];
}

export async function listSlots(
	sql: Sql,
	mpp: Mpp,
	serviceId: string,
	date: string,
	now = new Date()
): Promise<DaySlots> {
	const service = await requireBookableService(sql, mpp, serviceId);
	checkDay(mpp, service, date, now);
	const [plan, taken, ledger] = await Promise.all([
		planDay(sql, mpp, service, date),
		countSlotBookings(sql, service.id, date),
		readLedger(sql, service.id, date)
	]);
	const quota = Math.min(
		service.dailyQuota === null
			? maxTicketSeq
			: regularQuota(service.dailyQuota, service.priorityReserveShare),
		maxTicketSeq
	);
	const dayLeft = Math.max(quota - ledger.lastSeq - ledger.booked, 0);
	const takenAt = new Map(taken.map((t) => [t.slotStart.getTime(), t.taken]));
	const slots = plan.map((slot): SlotView => {
		const available = Math.min(
			Math.max(slot.capacity - (takenAt.get(slot.start.getTime()) ?? 0), 0),
			dayLeft
		);
		const state: SlotState =
			slot.start <= now ? 'passed' : slot.opensAt > now ? 'not_open_yet' : available > 0 ? 'open' : 'full';
		return {
			time: slot.time,
			start: slot.start.toISOString(),
			capacity: slot.capacity,
			available,
			opensAt: slot.opensAt.toISOString(),
			state
		};
	});
	return { serviceId: service.id, date, zone: zoneLabel(mpp.timezone), open: plan.length > 0, slots };
}
