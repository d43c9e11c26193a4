import { describe, expect, it } from 'vitest';
import { CALLED_TTL_SECONDS, pushNotification } from './push-messages';

const base = { trackCode: 'abcdefghjk', number: 'D004', ahead: null, counterName: null };

describe('notification words', () => {
	it('says how many are ahead, or that the citizen is next', () => {
		expect(pushNotification({ ...base, kind: 'near', ahead: 3 }).body).toBe(
			'3 orang lagi di depan Anda. Bersiaplah di dekat loket.'
		);
		expect(pushNotification({ ...base, kind: 'near', ahead: 0, locale: 'en' }).body).toBe(
			'You are next. Please stay near the counters.'
		);
	});

	it('names the counter on a call, urgently and only for a short while', () => {
		const called = pushNotification({ ...base, kind: 'called', counterName: 'Loket 3' });
		expect(called).toMatchObject({
			title: 'Nomor D004 dipanggil',
			body: 'Dipanggil: silakan ke Loket 3.',
			url: '/t/abcdefghjk',
			urgency: 'high',
			ttlSeconds: CALLED_TTL_SECONDS
		});
		expect(CALLED_TTL_SECONDS).toBeLessThanOrEqual(120);
	});
});
