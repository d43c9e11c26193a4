import { describe, expect, it } from 'vitest';
import { allowedOriginsFromEnv, isOriginAllowed } from './origin';

describe('isOriginAllowed', () => {
	const listed = allowedOriginsFromEnv({
		ORIGIN: 'https://antrean.example.go.id/',
		ANTREAN_ALLOWED_ORIGINS: ' https://tv.example.go.id , not a url,'
	});

	it('allows a browser on the site itself, over http or https', () => {
		expect(isOriginAllowed({ origin: 'http://localhost:5173', host: 'localhost:5173' }, new Set())).toBe(
			true
		);
		expect(isOriginAllowed({ origin: 'https://mpp.example', host: 'mpp.example' }, new Set())).toBe(true);
	});

	it('allows listed origins, however they were written in the environment', () => {
		expect([...listed]).toEqual(['https://antrean.example.go.id', 'https://tv.example.go.id']);
		expect(isOriginAllowed({ origin: 'https://tv.example.go.id', host: 'internal:3000' }, listed)).toBe(true);
	});

	it('refuses another site, a look-alike host and the opaque "null" origin', () => {
		expect(isOriginAllowed({ origin: 'https://evil.example', host: 'mpp.example' }, listed)).toBe(false);
		expect(isOriginAllowed({ origin: 'https://mpp.example.evil.example', host: 'mpp.example' }, listed)).toBe(
			false
		);
		expect(isOriginAllowed({ origin: 'null', host: 'mpp.example' }, listed)).toBe(false);
		expect(isOriginAllowed({ origin: 'https://mpp.example' }, new Set())).toBe(false);
	});

	it('allows clients that send no Origin (TV apps, other systems): authentication still applies', () => {
		expect(isOriginAllowed({ host: 'mpp.example' }, new Set())).toBe(true);
	});

	it('behind a proxy, reads the host from the configured header', () => {
		const headers = {
			origin: 'https://mpp.example',
			host: '10.0.0.5:3000',
			'x-forwarded-host': 'mpp.example'
		};
		expect(isOriginAllowed(headers, new Set())).toBe(false);
		expect(isOriginAllowed(headers, new Set(), 'X-Forwarded-Host')).toBe(true);
	});
});
