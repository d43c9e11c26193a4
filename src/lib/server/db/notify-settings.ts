// An MPP's notification settings on its own row (migration 0016): the "near" threshold and how long
// citizens' phone numbers are kept.
import type { Db } from './client';

export interface NotifySettings {
	nearAhead: number;
	phoneRetentionDays: number;
}

export async function readNotifySettings(db: Db, mppId: string): Promise<NotifySettings | undefined> {
	const [row] = await db<NotifySettings[]>`
		SELECT notify_near_ahead AS "nearAhead", phone_retention_days AS "phoneRetentionDays"
		FROM mpps WHERE id = ${mppId}`;
	return row;
}

export async function updateNotifySettings(db: Db, mppId: string, settings: NotifySettings): Promise<void> {
	await db`
		UPDATE mpps SET notify_near_ahead = ${settings.nearAhead}, phone_retention_days = ${settings.phoneRetentionDays}
		WHERE id = ${mppId}`;
}
