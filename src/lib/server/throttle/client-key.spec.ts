import { describe, expect, it } from 'vitest';
import { clientKey, clientOf } from './client-key';

describe('clientOf', () => {
	it('counts an IPv4 address on its own', () => {
		expect(clientOf('203.0.113.7')).toBe('203.0.113.7');
		expect(clientOf('203.0.113.8')).not.toBe(clientOf('203.0.113.7'));
	});

	it('counts every IPv6 address of one /64 as one client, however it is written', () => {
		const forms = [
			'2001:db8:1:2::1',
			'2001:0db8:0001:0002:0000:0000:0000:0001',
			'2001:db8:1:2:abcd:ef01:2345:6789',
			'2001:DB8:1:2:ffff::',
			'[2001:db8:1:2::99]',
			'2001:db8:1:2::1%eth0'
		];
		for (const form of forms) expect(clientOf(form), form).toBe('2001:db8:1:2::/64');
	});

	it('keeps neighbouring /64s apart', () => {
		expect(clientOf('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
		expect(clientOf('2001:db8:1::1')).toBe('2001:db8:1:0::/64');
		expect(clientOf('::1')).toBe('0:0:0:0::/64');
	});

	it('reads an IPv4-mapped IPv6 address as the IPv4 client it is', () => {
		expect(clientOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
		expect(clientOf('::ffff:cb00:7107')).toBe('203.0.113.7');
	});

	it('puts anything that is not an address in one "unknown" client', () => {
		expect(clientOf('')).toBe('unknown');
		expect(clientOf('evil, 1.2.3.4')).toBe('unknown');
		expect(clientOf('2001:db8::1::2')).toBe('unknown');
	});
});

describe('clientKey', () => {
	it('is a hash, the same for one client and different for another', () => {
		expect(clientKey('2001:db8:1:2::1')).toBe(clientKey('2001:db8:1:2::2'));
		expect(clientKey('2001:db8:1:2::1')).not.toBe(clientKey('2001:db8:1:3::1'));
		expect(clientKey('203.0.113.7')).not.toContain('203');
	});
});
