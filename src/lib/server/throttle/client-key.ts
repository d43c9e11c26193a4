// Who "one client" is for a limit. An IPv4 address is one client; an IPv6 address is counted per /64,
// because one home or phone gets a whole /64 and may pick a fresh address in it for every request
// (RFC 8981), so a per-address IPv6 limit would be no limit at all.
import type { IncomingHttpHeaders } from 'node:http';
import { isIPv4, isIPv6 } from 'node:net';
import { hashToken } from '../auth/tokens';

/**
 * The client's address for a request that does not pass through SvelteKit (a socket.io handshake),
 * by adapter-node's own getClientAddress rules, so a socket and a page of one client are one client:
 * ADDRESS_HEADER names the header a trusted proxy sets; for x-forwarded-for, XFF_DEPTH counts from
 * the right (the proxy's own entry), since entries further left are whatever the client sent.
 * Where adapter-node would throw (header absent, too few entries), the answer is "" and the request
 * counts as the one "unknown" client: a connection that bypassed the proxy gets no limit of its own.
 * See https://svelte.dev/docs/kit/adapter-node#Environment-variables-ADDRESS_HEADER-and-XFF_DEPTH
 */
export function requestAddress(
	headers: IncomingHttpHeaders,
	remoteAddress: string | undefined,
	env: Record<string, string | undefined> = process.env
): string {
	const header = (env.ADDRESS_HEADER ?? '').toLowerCase();
	if (!header) return remoteAddress ?? '';
	const raw = headers[header];
	if (raw === undefined) return '';
	const value = Array.isArray(raw) ? raw.join(',') : raw;
	if (header !== 'x-forwarded-for') return value;
	const depth = parseInt(env.XFF_DEPTH ?? '1');
	const addresses = value.split(',');
	if (!(depth >= 1) || depth > addresses.length) return '';
	return addresses[addresses.length - depth].trim();
}

/** The readable client: "203.0.113.7", "2001:db8:1:2::/64"; "unknown" for anything else. */
export function clientOf(address: string): string {
	const bare = address
		.trim()
		.replace(/^\[|\]$/g, '')
		.replace(/%.*$/, '');
	if (isIPv4(bare)) return bare;
	if (!isIPv6(bare)) return 'unknown';
	const groups = ipv6Groups(bare);
	// ::ffff:1.2.3.4 is an IPv4 client speaking through a dual-stack socket
	if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
		return [groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255].join('.');
	}
	const prefix = groups.slice(0, 4).map((g) => g.toString(16));
	return `${prefix.join(':')}::/64`;
}

/** The key a limit stores: hashed, so throttle rows are not a list of people's addresses (UU 27/2022). */
export function clientKey(address: string): string {
	return hashToken(clientOf(address));
}

/** The eight 16-bit groups of a valid IPv6 address, with "::" expanded and a dotted tail read. */
function ipv6Groups(address: string): number[] {
	let text = address.toLowerCase();
	const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
	if (dotted) {
		const [a, b, c, d] = dotted[1].split('.').map(Number);
		text = text.slice(0, -dotted[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
	}
	const [head, tail] = text.split('::');
	const parse = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
	const front = parse(head);
	const back = parse(tail);
	const zeros = tail === undefined ? [] : new Array(8 - front.length - back.length).fill(0);
	return [...front, ...zeros, ...back];
}
