import { describe, expect, it } from 'vitest';
import { TooManyAttempts } from './login-throttle';

describe('TooManyAttempts', () => {
	it('names a short wait in seconds, not as "1 minute"', () => {
		const error = new TooManyAttempts(2);
		expect(error.status).toBe(429);
		expect(error.retryAfterSeconds).toBe(2);
		expect(error.message).toContain('Coba lagi dalam 2 detik');
		expect(error.message).toContain('retry in 2 s');
	});

	it('names a wait of a minute or more in minutes', () => {
		expect(new TooManyAttempts(60).message).toContain('Coba lagi dalam 1 menit');
		expect(new TooManyAttempts(900).message).toContain('Coba lagi dalam 15 menit');
		expect(new TooManyAttempts(900).retryAfterMinutes).toBe(15);
	});
});
