// UUIDv7 (time-ordered) for rows an MPP creates: tickets, events, surveys. Generated here, not by
// PostgreSQL, because uuidv7() exists only from PostgreSQL 18 and CI runs 15 (DESIGN "identifiers").
import { randomBytes } from './random-bytes';

let lastMs = 0;
let counter = 0;

export function uuidv7(now = Date.now()): string {
	return format(now, true);
}

/** A UUIDv7 for a past instant (generated history): time-ordered, without the per-process counter. */
export function uuidv7At(ms: number): string {
	return format(ms, false);
}

function format(now: number, monotonic: boolean): string {
	const bytes = randomBytes(16);
	if (!monotonic) {
		bytes[6] = 0x70 | (bytes[6] & 0x0f);
		bytes[8] = (bytes[8] & 0x3f) | 0x80;
		return toUuid(bytes, now);
	}
	// keep ids from one process strictly increasing within a millisecond (RFC 9562 §6.2 method 1)
	if (now <= lastMs) {
		counter = (counter + 1) & 0xfff;
		if (counter === 0) lastMs += 1;
		now = lastMs;
	} else {
		lastMs = now;
		counter = bytes[6] & 0x0f;
	}
	bytes[6] = 0x70 | ((counter >>> 8) & 0x0f);
	bytes[7] = counter & 0xff;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	return toUuid(bytes, now);
}

function toUuid(bytes: Buffer, now: number): string {
	bytes[0] = (now / 2 ** 40) & 0xff;
	bytes[1] = (now / 2 ** 32) & 0xff;
	bytes[2] = (now >>> 24) & 0xff;
	bytes[3] = (now >>> 16) & 0xff;
	bytes[4] = (now >>> 8) & 0xff;
	bytes[5] = now & 0xff;
	const hex = bytes.toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
