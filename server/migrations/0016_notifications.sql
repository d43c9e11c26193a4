-- "Your turn is near" notifications (issue 12): Web Push from the tracking page and WhatsApp, citizen
-- first. Forward-only; PostgreSQL 15 and 18.

-- How many people ahead make a ticket's holder "near" (default 3, set per MPP), and how many days a
-- citizen's phone number is kept after the visit (UU 27/2022: no longer than needed; default 30).
ALTER TABLE mpps
	ADD COLUMN notify_near_ahead smallint NOT NULL DEFAULT 3 CHECK (notify_near_ahead BETWEEN 0 AND 20),
	ADD COLUMN phone_retention_days smallint NOT NULL DEFAULT 30 CHECK (phone_retention_days BETWEEN 1 AND 365);

-- The server's VAPID key pair, made once on first use (unless VAPID_* is set in the environment):
-- every node must sign with the same key, or subscriptions made through one node fail on another.
CREATE TABLE push_keys (
	id boolean PRIMARY KEY DEFAULT true CHECK (id),
	public_key text NOT NULL,
	private_key text NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now()
);

-- A browser's push subscription for one ticket. Deleted when the ticket ends and when the push
-- service answers 404/410 (the browser unsubscribed).
CREATE TABLE push_subscriptions (
	id uuid PRIMARY KEY,
	ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
	endpoint text NOT NULL,
	p256dh text NOT NULL,
	auth text NOT NULL,
	locale text NOT NULL DEFAULT 'id' CHECK (locale IN ('id', 'en')),
	created_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (ticket_id, endpoint)
);

-- One row per subscription and message ("near:3", "called:1"), inserted by whoever sends it: the
-- primary key is the claim, so a message goes out once however many nodes, retries or restarts.
-- `sent_at` stays null until the push service accepted it; a claim left unsent (a crash, a 5xx) is
-- taken again after a while, a few times at most, with the payload it was claimed with.
CREATE TABLE push_deliveries (
	subscription_id uuid NOT NULL REFERENCES push_subscriptions (id) ON DELETE CASCADE,
	message text NOT NULL,
	payload jsonb NOT NULL,
	attempts smallint NOT NULL DEFAULT 1,
	claimed_at timestamptz NOT NULL DEFAULT now(),
	sent_at timestamptz,
	PRIMARY KEY (subscription_id, message)
);
CREATE INDEX push_deliveries_unsent ON push_deliveries (claimed_at) WHERE sent_at IS NULL;

-- An MPP's WhatsApp: the business number citizens message first (wa.me link on the slip) and,
-- optionally, the Cloud API credentials that let Antrean answer. Credentials never leave the server.
CREATE TABLE mpp_whatsapp (
	mpp_id uuid PRIMARY KEY REFERENCES mpps (id) ON DELETE CASCADE,
	business_number text NOT NULL CHECK (business_number ~ '^\+62[1-9][0-9]{7,12}$'),
	phone_number_id text CHECK (phone_number_id ~ '^[0-9]{5,32}$'),
	access_token text,
	app_secret text,
	-- the token Meta echoes when the webhook is set up (hub.verify_token)
	webhook_verify_token text,
	updated_at timestamptz NOT NULL DEFAULT now(),
	CHECK (
		(phone_number_id IS NULL) = (access_token IS NULL)
		AND (access_token IS NULL) = (app_secret IS NULL)
		AND (app_secret IS NULL) = (webhook_verify_token IS NULL)
	)
);

-- A citizen who messaged the MPP's business number: the phone (personal data, given by messaging
-- first = consent for this visit's reminders), the ticket their message named, and when they last
-- wrote (WhatsApp's 24-hour service window). Deleted phone_retention_days after the last visit.
CREATE TABLE whatsapp_contacts (
	id uuid PRIMARY KEY,
	mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
	phone text NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
	ticket_id uuid REFERENCES tickets (id) ON DELETE SET NULL,
	last_inbound_at timestamptz NOT NULL,
	UNIQUE (mpp_id, phone)
);
CREATE INDEX whatsapp_contacts_ticket ON whatsapp_contacts (ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX whatsapp_contacts_last_inbound ON whatsapp_contacts (last_inbound_at);

-- The same claim as push_deliveries, per contact, ticket and message.
CREATE TABLE whatsapp_deliveries (
	contact_id uuid NOT NULL REFERENCES whatsapp_contacts (id) ON DELETE CASCADE,
	ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
	message text NOT NULL,
	payload jsonb NOT NULL,
	attempts smallint NOT NULL DEFAULT 1,
	claimed_at timestamptz NOT NULL DEFAULT now(),
	sent_at timestamptz,
	PRIMARY KEY (contact_id, ticket_id, message)
);
