// Survey rows (SKM, DOMAIN §1): one query per function, no rules (rules live in $lib/server/survey).
import type { SurveyAnswers, SurveyChannel, RespondentProfile } from '../../domain/survey-elements';
import type { Db, Sql } from './client';
import { copyRows } from './copy-rows';

export interface NewSurvey {
	id: string;
	ticketId: string;
	mppId: string;
	serviceId: string;
	counterId: string | null;
	answeredAt: Date;
	localDate: string;
	answers: SurveyAnswers;
	profile: RespondentProfile;
	comment: string | null;
	channel: SurveyChannel;
	deviceId: string | null;
}

export interface SurveyRow {
	id: string;
	ticketId: string;
	answeredAt: Date;
	localDate: string;
	channel: SurveyChannel;
}

/** Inserts the answer of a ticket; undefined when that ticket was already answered (one per ticket). */
export async function insertSurvey(db: Db, s: NewSurvey): Promise<SurveyRow | undefined> {
	const a = s.answers;
	const [row] = await db<SurveyRow[]>`
		INSERT INTO surveys (id, ticket_id, mpp_id, service_id, counter_id, answered_at, local_date,
			persyaratan, prosedur, waktu, biaya, produk, kompetensi, perilaku, pengaduan, sarana,
			age_group, sex, education, occupation, comment, channel, device_id)
		VALUES (${s.id}, ${s.ticketId}, ${s.mppId}, ${s.serviceId}, ${s.counterId}, ${s.answeredAt}, ${s.localDate},
			${a.persyaratan}, ${a.prosedur}, ${a.waktu}, ${a.biaya}, ${a.produk}, ${a.kompetensi}, ${a.perilaku},
			${a.pengaduan}, ${a.sarana},
			${s.profile.ageGroup ?? null}, ${s.profile.sex ?? null}, ${s.profile.education ?? null},
			${s.profile.occupation ?? null}, ${s.comment}, ${s.channel}, ${s.deviceId})
		ON CONFLICT (ticket_id) DO NOTHING
		RETURNING id, ticket_id AS "ticketId", answered_at AS "answeredAt", local_date::text AS "localDate", channel`;
	return row;
}

export async function hasSurvey(db: Db, ticketId: string): Promise<boolean> {
	const [row] = await db`SELECT 1 FROM surveys WHERE ticket_id = ${ticketId}`;
	return Boolean(row);
}

/** A finished ticket at a counter that nobody has answered for yet, as the feedback tablet shows it. */
export interface UnansweredTicket {
	ticketId: string;
	number: string;
	serviceName: string;
	finishedAt: Date;
}

/** The latest ticket finished at a counter since `since`, when it has no survey yet. */
export async function findLatestUnansweredAtCounter(
	db: Db,
	counterId: string,
	since: Date
): Promise<UnansweredTicket | undefined> {
	const [row] = await db<UnansweredTicket[]>`
		SELECT t.id AS "ticketId", t.number, s.name AS "serviceName",
			t.finished_at AS "finishedAt"
		FROM (
			SELECT * FROM tickets
			WHERE counter_id = ${counterId} AND status = 'done' AND finished_at >= ${since}
			ORDER BY finished_at DESC LIMIT 1
		) t
		JOIN services s ON s.id = t.service_id
		WHERE NOT EXISTS (SELECT 1 FROM surveys v WHERE v.ticket_id = t.id)`;
	return row;
}

/** The counter a feedback tablet stands beside, when an admin set it in the device's settings. */
export async function findDeviceCounterSetting(db: Db, deviceId: string): Promise<string | null> {
	const [row] = await db<{ counterId: string | null }[]>`
		SELECT settings->>'counterId' AS "counterId" FROM devices WHERE id = ${deviceId}`;
	return row?.counterId ?? null;
}

/** A served ticket of generated history that may get a generated answer. */
export interface SurveyCandidate {
	id: string;
	serviceId: string;
	counterId: string | null;
	localDate: string;
	finishedAt: Date;
	/** issued → first called, as statistics measure the wait */
	waitSeconds: number | null;
}

/**
 * Served ('done') tickets of an MPP's local days that have no answer, thinned in SQL to about
 * `share` of them by a hash of the ticket id and `salt` (so only respondents travel to Node, and the
 * same tickets and salt pick the same respondents). Ordered by id, so generation is reproducible.
 */
export async function listSurveyCandidates(
	db: Db,
	input: { mppId: string; from: string; to: string; share: number; salt: number }
): Promise<SurveyCandidate[]> {
	const threshold = Math.round(Math.min(1, Math.max(0, input.share)) * 65536);
	return db<SurveyCandidate[]>`
		SELECT t.id, t.service_id AS "serviceId", t.counter_id AS "counterId", t.local_date::text AS "localDate",
			t.finished_at AS "finishedAt",
			extract(epoch FROM t.first_called_at - t.issued_at)::float8 AS "waitSeconds"
		FROM tickets t
		WHERE t.mpp_id = ${input.mppId} AND t.local_date BETWEEN ${input.from} AND ${input.to}
			AND t.status = 'done' AND t.finished_at IS NOT NULL
			AND (hashtext(t.id::text || ${String(input.salt)}) & 65535) < ${threshold}
			AND NOT EXISTS (SELECT 1 FROM surveys v WHERE v.ticket_id = t.id)
		ORDER BY t.id`;
}

export const surveyCopyColumns = [
	'id',
	'ticket_id',
	'mpp_id',
	'service_id',
	'counter_id',
	'answered_at',
	'local_date',
	'persyaratan',
	'prosedur',
	'waktu',
	'biaya',
	'produk',
	'kompetensi',
	'perilaku',
	'pengaduan',
	'sarana',
	'age_group',
	'sex',
	'education',
	'occupation',
	'comment',
	'channel',
	'device_id'
] as const;

/** Streams surveys (COPY text format, one line each, columns as surveyCopyColumns) into surveys. */
export async function copySurveys(sql: Sql, lines: Iterable<string> | AsyncIterable<string>): Promise<void> {
	await copyRows(sql, 'surveys', surveyCopyColumns, lines);
}
