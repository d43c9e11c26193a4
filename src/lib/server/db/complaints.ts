// SP4N-LAPOR! link use per MPP (issue 14, migration 0029): one row per visitor, source and local day.
import type { Db } from './client';

/** The MPP of a slug and, when a track code is given and is one of its tickets, that ticket's id. */
export async function findComplaintPlace(
	db: Db,
	slug: string,
	trackCode: string | null
): Promise<{ mppId: string; ticketId: string | null } | undefined> {
	const [row] = await db<{ mppId: string; ticketId: string | null }[]>`
		SELECT m.id AS "mppId",
			(SELECT t.id FROM tickets t WHERE ${trackCode}::text IS NOT NULL AND t.track_code = ${trackCode}
				AND t.mpp_id = m.id) AS "ticketId"
		FROM mpps m WHERE m.slug = ${slug} AND m.active`;
	return row;
}

/** Counts a visitor once per MPP, source and the MPP's local day. */
export async function insertComplaintClick(
	db: Db,
	click: { mppId: string; source: 'tracking' | 'survey'; visitor: string }
): Promise<void> {
	await db`
		INSERT INTO complaint_clicks (mpp_id, local_date, source, visitor)
		VALUES (${click.mppId}, mpp_local_date(${click.mppId}, now()), ${click.source}, ${click.visitor})
		ON CONFLICT DO NOTHING`;
}

export interface ComplaintClickCounts {
	mppId: string;
	tracking: number;
	survey: number;
}

/** Link use per MPP over the MPPs' own local dates from..to (inclusive). */
export async function countComplaintClicks(
	db: Db,
	from: string,
	to: string
): Promise<ComplaintClickCounts[]> {
	return db<ComplaintClickCounts[]>`
		SELECT mpp_id AS "mppId",
			count(*) FILTER (WHERE source = 'tracking')::int AS tracking,
			count(*) FILTER (WHERE source = 'survey')::int AS survey
		FROM complaint_clicks WHERE local_date BETWEEN ${from}::date AND ${to}::date
		GROUP BY mpp_id`;
}
