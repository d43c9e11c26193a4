// What an edge copies from the centre (issue 13): the MPP's configuration, table by table, in the
// order foreign keys need. Only the columns named here cross: live state that the edge owns (a
// counter's status and current ticket, a device's last contact) stays the edge's.
//
// `gone` says what the edge does with a row the centre no longer lists: rows that tickets point at
// are switched off (deactivated, revoked), link rows are deleted.

export interface ConfigTable {
	table: string;
	key: string[];
	columns: string[];
	gone: { set: string } | 'delete' | 'keep';
	/** columns an upsert never moves back (the higher of both stays) */
	greatest?: string[];
}

export const CONFIG_TABLES: ConfigTable[] = [
	{
		table: 'standard_services',
		key: ['code'],
		columns: ['code', 'name', 'agency', 'mou', 'active', 'updated_at'],
		gone: 'keep'
	},
	{
		// the public half only: the edge checks signed booking QR codes, it never signs
		table: 'booking_signing_keys',
		key: ['id'],
		columns: ['id', 'public_key'],
		gone: 'keep'
	},
	{
		table: 'mpps',
		key: ['id'],
		columns: [
			'id',
			'slug',
			'name',
			'province',
			'city',
			'region_code',
			'timezone',
			'opening_hours',
			'priority_ratio',
			'call_limit',
			'running_text',
			'active',
			'created_at',
			'tickets_any_hour',
			'checkin_before_minutes',
			'checkin_after_minutes',
			'booking_ratio',
			'notify_near_ahead',
			'phone_retention_days',
			'booking_reminder_minutes'
		],
		gone: 'keep'
	},
	{
		table: 'tenants',
		key: ['id'],
		columns: ['id', 'mpp_id', 'code', 'name', 'active'],
		gone: { set: 'active = false' }
	},
	{
		table: 'services',
		key: ['id'],
		columns: [
			'id',
			'mpp_id',
			'tenant_id',
			'code',
			'prefix',
			'name',
			'target_wait_minutes',
			'daily_quota',
			'cutoff_minutes',
			'expected_service_minutes',
			'active',
			'booking_share',
			'booking_horizon_days',
			'booking_release_hour',
			'priority_reserve_share',
			'standard_code',
			'local_only'
		],
		gone: { set: 'active = false' }
	},
	{
		table: 'counters',
		key: ['id'],
		columns: ['id', 'mpp_id', 'tenant_id', 'name', 'active'],
		gone: { set: 'active = false' }
	},
	{
		table: 'users',
		key: ['id'],
		columns: ['id', 'email', 'name', 'password_hash', 'role', 'mpp_id', 'active', 'created_at'],
		gone: { set: 'active = false' }
	},
	{
		table: 'devices',
		key: ['id'],
		columns: ['id', 'mpp_id', 'kind', 'name', 'token_hash', 'settings', 'revoked_at', 'created_at'],
		gone: { set: 'revoked_at = coalesce(revoked_at, now())' }
	},
	{
		table: 'counter_services',
		key: ['counter_id', 'service_id'],
		columns: ['counter_id', 'service_id'],
		gone: 'delete'
	},
	{
		table: 'counter_operators',
		key: ['counter_id', 'user_id'],
		columns: ['counter_id', 'user_id'],
		gone: 'delete'
	},
	{
		// the numbers the centre already gave today and later (an MPP moved to an edge mid-day, bookings
		// counted against the quota): the edge numbers on from there, so no two tickets share a number
		table: 'ticket_daily_counters',
		key: ['service_id', 'local_date'],
		columns: ['service_id', 'local_date', 'last_seq', 'booked'],
		gone: 'keep',
		greatest: ['last_seq', 'booked']
	},
	{
		// a mobile unit's places by day: the edge stamps each ticket with its day's place
		table: 'mobile_stops',
		key: ['mpp_id', 'local_date'],
		columns: ['mpp_id', 'local_date', 'place'],
		gone: 'delete'
	},
	{
		table: 'mpp_closed_days',
		key: ['mpp_id', 'local_date'],
		columns: ['mpp_id', 'local_date', 'name'],
		gone: 'delete'
	}
];

/** One configuration as it travels: rows per table, each row a JSON object of the columns above. */
export type ConfigSnapshot = Record<string, Record<string, unknown>[]>;
