// Citizens' phone numbers are deleted `phone_retention_days` after their visit (default 30 days,
// per MPP; UU 27/2022 Art. 16(2): personal data is kept no longer than its purpose needs). One node
// of the cluster sweeps per beat; deleting twice would be harmless anyway.
import { startBeat } from '../bus/beat';
import { envMs } from '../bus/listener';
import { getSql } from '../db/client';
import { deleteExpiredContacts } from '../db/whatsapp';

export function startPhoneRetention(everyMs = envMs('ANTREAN_PHONE_RETENTION_MS', 60 * 60_000, 100)): void {
	startBeat({
		name: 'phone-retention',
		everyMs,
		run: async () => void (await deleteExpiredContacts(getSql()))
	});
}
