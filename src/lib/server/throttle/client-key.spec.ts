import { describe, expect, it } from 'vitest';
import { clientKey, clientOf, requestAddress } from './client-key';

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

describe('requestAddress (adapter-node rules, for sockets)', () => {
	const proxied = { ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '1' };

	it('is the connection address when no ADDRESS_HEADER is set, whatever the headers say', () => {
		expect(requestAddress({ 'x-forwarded-for': '198.51.100.1' }, '127.0.0.1', {})).toBe('127.0.0.1');
	});

	it('takes the XFF_DEPTH-th entry from the right: the one the trusted proxy appended', () => {
		const headers = { 'x-forwarded-for': '10.0.0.1, 203.0.113.7 , 192.0.2.9' };
		expect(requestAddress(headers, '127.0.0.1', proxied)).toBe('192.0.2.9');
		expect(requestAddress(headers, '127.0.0.1', { ...proxied, XFF_DEPTH: '2' })).toBe('203.0.113.7');
		expect(requestAddress(headers, '127.0.0.1', { ADDRESS_HEADER: 'x-forwarded-for' })).toBe('192.0.2.9');
	});

	it('reads another named header as it is', () => {
		const env = { ADDRESS_HEADER: 'True-Client-IP' };
		expect(requestAddress({ 'true-client-ip': '203.0.113.7' }, '127.0.0.1', env)).toBe('203.0.113.7');
	});

	it('makes a request the proxy did not describe the one "unknown" client, never its own', () => {
		expect(requestAddress({}, '127.0.0.1', proxied)).toBe('');
		const short = { 'x-forwarded-for': '203.0.113.7' };
		expect(requestAddress(short, '127.0.0.1', { ...proxied, XFF_DEPTH: '2' })).toBe('');
		expect(requestAddress(short, '127.0.0.1', { ...proxied, XFF_DEPTH: '0' })).toBe('');
		expect(clientOf(requestAddress({}, '127.0.0.1', proxied))).toBe('unknown');
	});
});
