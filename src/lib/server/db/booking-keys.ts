// The one Ed25519 key booking QR codes are signed with (migration 0026). At an edge only the public half.
import type { Db } from './client';

export interface BookingKeyRow {
	publicKey: string;
	privateKey: string | null;
}

export async function readBookingKey(db: Db): Promise<BookingKeyRow | undefined> {
	const [row] = await db<BookingKeyRow[]>`
		SELECT public_key AS "publicKey", private_key AS "privateKey" FROM booking_signing_keys WHERE id = 1`;
	return row;
}

/** Stores a key unless one exists (two nodes racing keep the first); returns the stored one. */
export async function insertBookingKey(
	db: Db,
	key: { publicKey: string; privateKey: string }
): Promise<BookingKeyRow> {
	await db`
		INSERT INTO booking_signing_keys (id, public_key, private_key) VALUES (1, ${key.publicKey}, ${key.privateKey})
		ON CONFLICT (id) DO NOTHING`;
	return (await readBookingKey(db))!;
}
