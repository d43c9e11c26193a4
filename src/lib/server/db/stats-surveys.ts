// Survey element totals and respondents per stats group (DOMAIN §1), read from the survey helper's
// surveys table. Totals, never averages, so the IKM of any grouping is computed once from the pool.
import type { IkmTotals } from '../../domain/ikm';
import type { Db } from './client';
import type { StatsRange } from './stats-read';

export interface GroupIkmTotals extends IkmTotals {
	key: string | number | null;
}

// Fixed strings chosen by the groupBy enum, never input. A survey rates the day (and hour) its
// ticket was issued, like every other KPI of that ticket.
const keys = {
	counter: 'v.counter_id::text',
	service: 'v.service_id::text',
	tenant: 's.tenant_id::text',
	day: 'v.local_date::text',
	hour: 'extract(hour FROM t.issued_at AT TIME ZONE m.timezone)::int',
	weekday: 'extract(dow FROM v.local_date)::int',
	source: "CASE WHEN t.source = 'booking' THEN 'booked' ELSE 'walk_in' END"
} as const;

export async function surveyTotals(db: Db, r: StatsRange): Promise<GroupIkmTotals[]> {
	const joins =
		r.groupBy === 'tenant'
			? db`JOIN services s ON s.id = v.service_id`
			: r.groupBy === 'hour'
				? db`JOIN tickets t ON t.id = v.ticket_id JOIN mpps m ON m.id = v.mpp_id`
				: r.groupBy === 'source'
					? db`JOIN tickets t ON t.id = v.ticket_id`
					: db``;
	const rows = await db<
		{
			key: string | number | null;
			respondents: number;
			persyaratan: number;
			prosedur: number;
			waktu: number;
			biaya: number;
			produk: number;
			kompetensi: number;
			perilaku: number;
			pengaduan: number;
			sarana: number;
		}[]
	>`
		SELECT ${db.unsafe(keys[r.groupBy])} AS key, count(*)::int AS respondents,
			sum(v.persyaratan)::int AS persyaratan, sum(v.prosedur)::int AS prosedur, sum(v.waktu)::int AS waktu,
			sum(v.biaya)::int AS biaya, sum(v.produk)::int AS produk, sum(v.kompetensi)::int AS kompetensi,
			sum(v.perilaku)::int AS perilaku, sum(v.pengaduan)::int AS pengaduan, sum(v.sarana)::int AS sarana
		FROM surveys v ${joins}
		WHERE v.mpp_id = ${r.mppId} AND v.local_date BETWEEN ${r.from} AND ${r.to}
		GROUP BY 1`;
	return rows.map(({ key, respondents, ...totals }) => ({ key, respondents, totals }));
}
