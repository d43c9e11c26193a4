-- The demo works at any hour (issue 10 item 9): an MPP may hand out tickets around the clock,
-- whatever its opening hours. Only `npm run demo` sets it, on its own demo MPPs (without
-- --office-hours); every other MPP keeps false, so production behaviour is unchanged. The opening
-- hours themselves stay real: the demo's simulator runs its business day on them.
-- Forward-only; PostgreSQL 15 and 18.
ALTER TABLE mpps ADD COLUMN tickets_any_hour boolean NOT NULL DEFAULT false;
