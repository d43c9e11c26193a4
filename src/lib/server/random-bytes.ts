// Cryptographically random bytes, drawn from a pool refilled 8 KiB at a time. Ids and tracking codes
// take 10–16 bytes each, and one randomBytes call per value (a syscall-backed fill every time) was a
// third of the history generator's Node time. Same CSPRNG, fewer calls: what crypto.randomUUID does.
import { randomFillSync } from 'node:crypto';

const POOL_SIZE = 8 * 1024;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;

/** `size` fresh random bytes (a copy the caller owns; never handed out twice). */
export function randomBytes(size: number): Buffer {
	if (size > POOL_SIZE) return randomFillSync(Buffer.alloc(size));
	if (offset + size > POOL_SIZE) {
		randomFillSync(pool);
		offset = 0;
	}
	const bytes = Buffer.from(pool.subarray(offset, offset + size));
	offset += size;
	return bytes;
}
