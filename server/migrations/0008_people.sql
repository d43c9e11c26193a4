-- People in the audit trail (issue 6 "People"): creating users, changing roles, resetting passwords
-- and deactivating users are configuration changes too. Forward-only; PostgreSQL 15 and 18.
ALTER TABLE config_audit DROP CONSTRAINT config_audit_entity_check;
ALTER TABLE config_audit ADD CONSTRAINT config_audit_entity_check
	CHECK (entity IN ('mpp', 'tenant', 'service', 'counter', 'closed_day', 'device', 'user'));
