-- Invitations and password reset links (issue 6 "People"). There is no mail server: the admin page
-- shows a link once and the admin sends it to the person. Forward-only; PostgreSQL 15 and 18.

-- Like sessions, the id is the SHA-256 (hex) of the random token in the link, so a leaked table
-- holds no usable link. Used and expired rows stay, so the page can say "already used" or "expired"
-- instead of "unknown".
CREATE TABLE password_links (
	id text PRIMARY KEY,
	user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	-- 'invite': the account has no password yet; 'reset': a new password for an existing one
	purpose text NOT NULL CHECK (purpose IN ('invite', 'reset')),
	created_by uuid REFERENCES users (id),
	created_at timestamptz NOT NULL DEFAULT now(),
	expires_at timestamptz NOT NULL,
	used_at timestamptz
);
CREATE INDEX password_links_user_idx ON password_links (user_id);

-- National people (superadmin, ministry) belong to no MPP, and neither do the audit rows of their
-- creation; every MPP's audit view still reads by its own mpp_id.
ALTER TABLE config_audit ALTER COLUMN mpp_id DROP NOT NULL;
ALTER TABLE config_audit DROP CONSTRAINT config_audit_action_check;
ALTER TABLE config_audit ADD CONSTRAINT config_audit_action_check
	CHECK (action IN ('created', 'updated', 'deactivated', 'activated', 'deleted', 'paired', 'revoked', 'invited'));
