// Answering the survey of a ticket (DOMAIN §1): once, after the ticket was served, until the end of
// the next MPP-local day. Only the citizen's own channels answer (issue 10 item 4: the IKM ranks MPPs
// nationally, so the people it rates must not fill it in): the tracking page, anonymous with the
// track code printed on the slip, and the paired feedback tablet of the counter that served the
// ticket (channel 'tablet'). Anyone signed in and every other device is refused, in every door.
import type { SurveyAnswers, SurveyChannel } from '../../domain/survey-elements';
import { surveyClosesAt } from '../../domain/survey-window';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { findMppById } from '../db/mpps';
import { findDeviceCounterSetting, hasSurvey, insertSurvey } from '../db/surveys';
import { findTicketRecord, findTicketRecordByTrackCode, type TicketRecord } from '../db/tickets';
import { AppError, conflict, forbidden, notFound } from '../errors';
import { uuidv7 } from '../ids';
import type { SurveyBody } from './schema';

/** How long after the finish a tablet may still answer for a ticket: the citizen is still at the counter. */
export const TABLET_ANSWER_MINUTES = 15;

const trackCodePattern = /^[a-z0-9]{6,32}$/i;
const ticketIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface StoredSurvey {
	id: string;
	ticketNumber: string;
	answeredAt: string;
	localDate: string;
	channel: SurveyChannel;
	answers: SurveyAnswers;
}

/**
 * The ticket behind a key: a track code for anyone; a ticket id only for a feedback tablet (it learns
 * of finishes from its counter's room, which carries no track codes). Unknown, malformed and
 * not-yours keys are all "not found".
 */
async function requireTicket(db: Db, key: string, actor?: Actor): Promise<TicketRecord> {
	let ticket: TicketRecord | undefined;
	if (trackCodePattern.test(key)) ticket = await findTicketRecordByTrackCode(db, key);
	else if (ticketIdPattern.test(key) && isFeedbackTablet(actor)) ticket = await findTicketRecord(db, key);
	if (!ticket) throw notFound('Kode tiket tidak ditemukan (unknown ticket code).', 'ticket_not_found');
	return ticket;
}

function isFeedbackTablet(actor: Actor | undefined): boolean {
	return actor?.kind === 'device' && actor.device.kind === 'feedback';
}

export interface SurveyStatus {
	answered: boolean;
	/** past the end of the next MPP-local day after the finish: no answer is taken any more */
	closed: boolean;
	/** when answering closes (ISO), once the ticket is finished */
	closesAt: string | null;
}

export async function surveyStatus(db: Db, trackCode: string, now = new Date()): Promise<SurveyStatus> {
	const ticket = await requireTicket(db, trackCode);
	const closesAt = await closingOf(db, ticket);
	return {
		answered: await hasSurvey(db, ticket.id),
		closed: closesAt !== null && now.getTime() >= closesAt.getTime(),
		closesAt: closesAt?.toISOString() ?? null
	};
}

/** The end of the next local day after the finish, in the MPP's own zone (DOMAIN §6). */
async function closingOf(db: Db, ticket: TicketRecord): Promise<Date | null> {
	if (ticket.status !== 'done' || ticket.finishedAt === null) return null;
	const mpp = await findMppById(db, ticket.mppId);
	if (!mpp) throw notFound('Kode tiket tidak ditemukan (unknown ticket code).', 'ticket_not_found');
	return surveyClosesAt(ticket.finishedAt, mpp.timezone);
}

export const surveyClosed = () =>
	new AppError(
		410,
		'survey_closed',
		'Survei untuk tiket ini sudah ditutup: survei dapat diisi sampai akhir hari berikutnya setelah pelayanan (the survey has closed).'
	);

/** A signed-in person is staff (or the ministry): never a respondent, however they hold the code. */
export const staffCannotAnswer = () =>
	new AppError(
		403,
		'staff_cannot_answer',
		'Survei kepuasan hanya diisi oleh warga yang dilayani, bukan oleh petugas yang sedang masuk. Keluar dari akun untuk mengisi sebagai warga (staff may not answer a citizen’s survey).'
	);

export async function answerSurvey(
	db: Db,
	input: { trackCode: string; body: SurveyBody; actor: Actor; now?: Date }
): Promise<StoredSurvey> {
	const now = input.now ?? new Date();
	// refused before the ticket is even looked up: a signed-in person learns nothing through this door
	if (input.actor.kind === 'user') throw staffCannotAnswer();
	const ticket = await requireTicket(db, input.trackCode, input.actor);
	const channel = await channelFor(db, input.actor, ticket, input.body.counterId ?? null, now);
	if (ticket.status === 'no_show' || ticket.status === 'cancelled') {
		throw conflict(
			'Tiket ini tidak dilayani, jadi tidak ada survei (ticket was not served).',
			'ticket_not_served'
		);
	}
	if (ticket.status !== 'done') {
		throw conflict(
			'Survei dibuka setelah pelayanan selesai (the survey opens once the service is finished).',
			'ticket_not_finished'
		);
	}
	const closesAt = await closingOf(db, ticket);
	if (closesAt && now.getTime() >= closesAt.getTime()) throw surveyClosed();
	const row = await insertSurvey(db, {
		id: uuidv7(now.getTime()),
		ticketId: ticket.id,
		mppId: ticket.mppId,
		serviceId: ticket.serviceId,
		counterId: ticket.counterId,
		answeredAt: now,
		// the day of the service, not of the answer (see 0003_survey.sql)
		localDate: ticket.localDate,
		answers: input.body.answers,
		profile: input.body.profile,
		comment: input.body.comment,
		channel,
		deviceId: input.actor.kind === 'device' ? input.actor.device.id : null
	});
	if (!row) {
		throw conflict(
			'Survei untuk tiket ini sudah diisi. Terima kasih! (already answered).',
			'survey_answered'
		);
	}
	return {
		id: row.id,
		ticketNumber: ticket.number,
		answeredAt: row.answeredAt.toISOString(),
		localDate: row.localDate,
		channel: row.channel,
		answers: input.body.answers
	};
}

/**
 * Anonymous is the citizen's phone. A feedback tablet answers only for a ticket finished moments ago
 * at the counter it stands beside: the one an admin pinned in its settings (that wins), else the one
 * its page was opened for (`counterId` in the body). Other devices (kiosk, TV) never answer.
 */
async function channelFor(
	db: Db,
	actor: Actor,
	ticket: TicketRecord,
	declaredCounterId: string | null,
	now: Date
): Promise<SurveyChannel> {
	if (actor.kind === 'user') throw staffCannotAnswer();
	if (actor.kind === 'anonymous') return 'phone';
	const { device } = actor;
	if (device.kind !== 'feedback' || device.mppId !== ticket.mppId) {
		throw forbidden('Perangkat ini tidak boleh mengisi survei tiket ini (device may not answer).');
	}
	if (ticket.status !== 'done') return 'tablet';
	const counterId = (await findDeviceCounterSetting(db, device.id)) ?? declaredCounterId;
	const recent =
		ticket.finishedAt !== null &&
		now.getTime() - ticket.finishedAt.getTime() <= TABLET_ANSWER_MINUTES * 60_000;
	if (!recent || counterId === null || counterId !== ticket.counterId) {
		throw new AppError(
			403,
			'not_this_tablet',
			'Tablet ini hanya menerima survei tiket yang baru selesai di loketnya (not this tablet’s ticket).'
		);
	}
	return 'tablet';
}
