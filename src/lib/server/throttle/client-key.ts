// Who "one client" is for a limit. An IPv4 address is one client; an IPv6 address is counted per /64,
// because one home or phone gets a whole /64 and may pick a fresh address in it for every request
// (RFC 8981), so a per-address IPv6 limit would be no limit at all.
import { isIPv4, isIPv6 } from 'node:net';
import { hashToken } from '../auth/tokens';

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
