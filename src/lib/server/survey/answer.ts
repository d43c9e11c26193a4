// Answering the survey of a ticket (DOMAIN §1): once, after the ticket was served. The track code is
// the credential (anyone holding the slip may answer); a paired feedback tablet answers for the
// ticket just finished beside it, recorded with channel 'tablet'.
import type { SurveyAnswers, SurveyChannel } from '../../domain/survey-elements';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { findDeviceCounterSetting, hasSurvey, insertSurvey } from '../db/surveys';
import { findTicketRecordByTrackCode, type TicketRecord } from '../db/tickets';
import { AppError, conflict, forbidden, notFound } from '../errors';
import { uuidv7 } from '../ids';
import type { SurveyBody } from './schema';

/** How long after the finish a tablet may still answer for a ticket: the citizen is still at the counter. */
export const TABLET_ANSWER_MINUTES = 15;

const trackCodePattern = /^[a-z0-9]{6,32}$/i;

export interface StoredSurvey {
	id: string;
	ticketNumber: string;
	answeredAt: string;
	localDate: string;
	channel: SurveyChannel;
	answers: SurveyAnswers;
}

/** The ticket behind a track code; unknown and malformed codes are both "not found". */
async function requireTicket(db: Db, trackCode: string): Promise<TicketRecord> {
	const ticket = trackCodePattern.test(trackCode)
		? await findTicketRecordByTrackCode(db, trackCode)
		: undefined;
	if (!ticket) throw notFound('Kode tiket tidak ditemukan (unknown ticket code).', 'ticket_not_found');
	return ticket;
}

export async function surveyStatus(db: Db, trackCode: string): Promise<{ answered: boolean }> {
	const ticket = await requireTicket(db, trackCode);
	return { answered: await hasSurvey(db, ticket.id) };
}

export async function answerSurvey(
	db: Db,
	input: { trackCode: string; body: SurveyBody; actor: Actor; now?: Date }
): Promise<StoredSurvey> {
	const now = input.now ?? new Date();
	const ticket = await requireTicket(db, input.trackCode);
	const channel = await channelFor(db, input.actor, ticket, now);
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
 * A feedback tablet answers only for its own MPP, for a ticket finished moments ago (and at its
 * counter when an admin pinned one in its settings). Other devices never answer; people are phones.
 */
async function channelFor(db: Db, actor: Actor, ticket: TicketRecord, now: Date): Promise<SurveyChannel> {
	if (actor.kind !== 'device') return 'phone';
	const { device } = actor;
	if (device.kind !== 'feedback' || device.mppId !== ticket.mppId) {
		throw forbidden('Perangkat ini tidak boleh mengisi survei tiket ini (device may not answer).');
	}
	if (ticket.status !== 'done') return 'tablet';
	const pinned = await findDeviceCounterSetting(db, device.id);
	const recent =
		ticket.finishedAt !== null &&
		now.getTime() - ticket.finishedAt.getTime() <= TABLET_ANSWER_MINUTES * 60_000;
	if (!recent || (pinned !== null && pinned !== ticket.counterId)) {
		throw new AppError(
			403,
			'not_this_tablet',
			'Tablet ini hanya menerima survei tiket yang baru selesai di loketnya (not this tablet’s ticket).'
		);
	}
	return 'tablet';
}
