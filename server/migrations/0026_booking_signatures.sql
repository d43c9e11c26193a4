-- Signed booking QR codes (issue 13): the centre signs what a booking's QR carries with its Ed25519
-- key, so an edge can check in a booking it has never seen (made after its link dropped) by checking
-- the signature with the public key alone. One key; the edge holds only the public half.
-- Forward-only; runs on PostgreSQL 15 and 18.
CREATE TABLE booking_signing_keys (
	id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
	-- SPKI / PKCS#8 DER, base64
	public_key text NOT NULL,
	private_key text,
	created_at timestamptz NOT NULL DEFAULT now()
);
