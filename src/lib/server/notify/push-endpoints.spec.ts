import { describe, expect, it } from 'vitest';
import { isAllowedPushEndpoint } from './push-endpoints';

const hosts = ['fcm.googleapis.com', '.push.apple.com'];

describe('push endpoints', () => {
	it('accepts https endpoints of the browsers push services', () => {
		expect(isAllowedPushEndpoint('https://fcm.googleapis.com/fcm/send/abc', hosts)).toBe(true);
		expect(isAllowedPushEndpoint('https://web.push.apple.com/QGx', hosts)).toBe(true);
	});

	it('refuses http, other hosts, look-alikes and credentials in the URL', () => {
		expect(isAllowedPushEndpoint('http://fcm.googleapis.com/fcm/send/abc', hosts)).toBe(false);
		expect(isAllowedPushEndpoint('https://127.0.0.1:5432/', hosts)).toBe(false);
		expect(isAllowedPushEndpoint('https://fcm.googleapis.com.evil.test/x', hosts)).toBe(false);
		expect(isAllowedPushEndpoint('https://evilpush.apple.com.test/x', hosts)).toBe(false);
		expect(isAllowedPushEndpoint('https://a:b@fcm.googleapis.com/x', hosts)).toBe(false);
		expect(isAllowedPushEndpoint('not a url', hosts)).toBe(false);
	});
});
