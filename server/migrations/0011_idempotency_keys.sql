-- Idempotency keys (issue 10 item 6): a retried POST that changes the queue (a lost answer, a
-- timeout, a deploy) returns the first answer and changes nothing again. Forward-only; PostgreSQL 15
-- and 18.

-- The row is inserted in the same transaction as the queue change it guards and carries that change's
-- answer, so a key is either absent (nothing happened) or complete; a second request with the same key
-- waits on the primary key until the first commits, then replays. The key is scoped by its caller
-- (a person or a device), so nobody can replay another caller's answer by guessing its key.
CREATE TABLE idempotency_keys (
	caller text NOT NULL,
	key text NOT NULL,
	-- SHA-256 (hex) of method, path, body and caller: the same key with another request is refused
	request_hash text NOT NULL,
	-- what the engine answered (JSON), which the door turns into the same status and body every time.
	-- Text, not jsonb: a replay must repeat the first body byte for byte, and jsonb reorders keys. Set
	-- before COMMIT, so no other transaction ever sees it empty.
	response text,
	created_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (caller, key)
);
-- kept 24 hours; the purge deletes by age
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);
