// The one typed event map shared by the socket.io server and its clients (types only, STYLE rule 2).
// A payload change that would break clients gets a new event name, never a silent change.
//
// Every event an MPP emits carries `mppId` and that MPP's `seq` (taken inside the queue engine's
// transaction). Each change is emitted as exactly one event to `display:<mppId>` and exactly one
// to `staff:<mppId>`, so a client of either room sees seq 1, 2, 3 … without holes and can tell a
// missed event from a quiet minute. A TV never receives waiting ticket numbers: only calls.
import type { IkmResult } from '../domain/ikm';
import type { CounterStatus } from '../domain/types';
import type { Actor } from '../server/auth/actor';
import type { NationalResult, NationalRow } from '../server/national/stats';
import type { CounterView, TicketView } from '../server/queue/outcome';
import type { LiveStats } from '../server/stats/live';

export type { CounterView, TicketView };

/** Tickets waiting now per service id (only the services a change touched, in events). */
export type WaitingCounts = Record<string, number>;

export type AckError = {
	code: string;
	message: string;
	/** with a 429-style refusal: when to ask again, the socket's Retry-After */
	retryAfterSeconds?: number;
};
/** The one acknowledgement shape of every client → server call. */
export type Ack<T> = { data: T } | { error: AckError };

/** What a TV may know about a call (DOMAIN §5: number and counter, shown and spoken). */
export interface CallView {
	ticketId: string;
	number: string;
	serviceId: string;
	counterId: string;
	counterName: string;
	/** ISO time (UTC) of this call or recall */
	calledAt: string;
	callCount: number;
}

interface MppEvent {
	mppId: string;
	seq: number;
}

/** `ticket:called` / `ticket:recalled` as the display room gets them. */
export interface CallEvent extends MppEvent {
	call: CallView;
	waiting: WaitingCounts;
}

/** The same events as the staff and counter rooms get them: the full ticket and counter. */
export interface StaffCallEvent extends CallEvent {
	ticket: TicketView;
	counter: CounterView;
	/** the ticket the counter was still serving, closed by this call */
	finished: TicketView | null;
}

export interface DisplayCounter {
	id: string;
	name: string;
	status: CounterStatus;
}

/** What the display room gets for every change that is not a call. */
export interface QueueChangedEvent extends MppEvent {
	waiting: WaitingCounts;
	/** present when the change opened, paused or closed a counter */
	counter?: DisplayCounter;
}

export interface TicketIssuedEvent extends MppEvent {
	waiting: WaitingCounts;
	ticket: TicketView;
}

/** started, finished, no-show: always at a counter */
export interface TicketAtCounterEvent extends MppEvent {
	waiting: WaitingCounts;
	ticket: TicketView;
	counter: CounterView;
}

export interface TicketTransferredEvent extends MppEvent {
	waiting: WaitingCounts;
	ticket: TicketView;
	fromServiceId: string;
	counter: CounterView | null;
}

export interface TicketCancelledEvent extends MppEvent {
	waiting: WaitingCounts;
	ticket: TicketView;
	counter: CounterView | null;
}

/**
 * To the display and staff rooms: the day-end sweep closed open tickets of an ended MPP-local day
 * (issue 10 item 5). Ids only, so a TV drops them from its calls and a console from its counters;
 * each citizen's phone gets its own `ticket:tracked` with status `expired`.
 */
export interface TicketsExpiredEvent extends MppEvent {
	waiting: WaitingCounts;
	ticketIds: string[];
	/** counters that were still holding one of them and now hold none */
	counterIds: string[];
}

export interface CounterChangedEvent extends MppEvent {
	waiting: WaitingCounts;
	counter: CounterView;
	finished: TicketView | null;
}

/**
 * What a citizen's phone learns about its own ticket, from the ticket room or the follow answer: the
 * room is joined with nothing but the track code, so no priority group (special-category data, UU
 * 27/2022), no ids, and nothing about any other citizen.
 */
export interface TrackedTicket {
	trackCode: string;
	number: string;
	status: TicketView['status'];
	serviceId: string;
	serviceName: string;
	counterName: string | null;
	callCount: number;
}

/** To `ticket:<trackCode>`: the citizen's own ticket after any change to it (replaces `ticket:updated`). */
export interface TicketTrackedEvent extends MppEvent {
	ticket: TrackedTicket;
}

/**
 * To `ticket:<trackCode>` of each waiting ticket of a service whose queue moved: its own place and
 * estimate, computed for the whole service in one query, at most about once a second per service.
 * `seq` is the MPP's sequence the computation saw: a phone ignores it when its ticket changed since.
 */
export interface TicketPositionEvent extends MppEvent {
	trackCode: string;
	/** 1 when next */
	position: number;
	estimatedWaitMinutes: number;
}

/** The answer to `ticket:follow`: the live part of the tracking page, as of the MPP's `seq`. */
export interface TicketFollowState extends MppEvent {
	ticket: TrackedTicket;
	tenantName: string;
	/** only while waiting */
	position: number | null;
	estimatedWaitMinutes: number | null;
}

export interface DisplayMessageEvent {
	mppId: string;
	/** absent when the message is not part of the queue sequence (an admin edit) */
	seq?: number;
	runningText: string;
}

/**
 * The MPP's configuration changed (services, counters, names): apply nothing, fetch a snapshot.
 * In the sequence like a queue event, so a client that missed it still resyncs on the gap.
 */
export type MppConfiguredEvent = MppEvent;

/**
 * To the `ministry` room, a few seconds apart while anyone follows it: today's national figures
 * (each MPP's own local today), in total and per time zone. Aggregates only, never a ticket.
 */
export interface MinistryTodayEvent {
	/** when the figures were computed, ISO 8601 */
	at: string;
	total: NationalResult['total'];
	zones: NationalRow[];
}

/**
 * To `figures:<mppId>` (the ministry's read-only Live tab of one MPP), at most every few seconds while
 * its queue moves and someone watches, and once after each join: the aggregate figures that page
 * shows, whole each time, so not in the MPP's `seq`. No ticket number, no track code, no person
 * (`live` is read with aggregatesOnly: a counter says it is calling, never whom).
 */
export interface MppFiguresEvent {
	mppId: string;
	live: LiveStats;
	/** today's IKM so far (PermenPANRB 14/2017) */
	ikm: IkmResult;
}

export interface ServerToClientEvents {
	'ticket:called': (event: CallEvent | StaffCallEvent) => void;
	'ticket:recalled': (event: CallEvent | StaffCallEvent) => void;
	'queue:changed': (event: QueueChangedEvent) => void;
	'ticket:issued': (event: TicketIssuedEvent) => void;
	'ticket:started': (event: TicketAtCounterEvent) => void;
	'ticket:finished': (event: TicketAtCounterEvent) => void;
	'ticket:no-show': (event: TicketAtCounterEvent) => void;
	'ticket:transferred': (event: TicketTransferredEvent) => void;
	'ticket:cancelled': (event: TicketCancelledEvent) => void;
	'ticket:expired': (event: TicketsExpiredEvent) => void;
	'counter:changed': (event: CounterChangedEvent) => void;
	'ticket:tracked': (event: TicketTrackedEvent) => void;
	'ticket:position': (event: TicketPositionEvent) => void;
	'display:message': (event: DisplayMessageEvent) => void;
	'mpp:configured': (event: MppConfiguredEvent) => void;
	'ministry:today': (event: MinistryTodayEvent) => void;
	'mpp:figures': (event: MppFiguresEvent) => void;
	/**
	 * The node this socket is on missed bus messages (its database link dropped): fetch a fresh
	 * snapshot now, as after a reconnect. Outside every MPP's sequence.
	 */
	'server:resync': (event: { at: string }) => void;
}

export type ServerEventName = keyof ServerToClientEvents;
/** The events of one MPP's sequence (not the aggregate figures, national or per MPP, nor a node's resync hint). */
export type MppEventName = Exclude<ServerEventName, 'ministry:today' | 'mpp:figures' | 'server:resync'>;
export type ServerEvent<E extends ServerEventName = ServerEventName> = Parameters<ServerToClientEvents[E]>[0];

/** The events a client of the display room receives, in seq order. */
export type DisplayEventName =
	| 'ticket:called'
	| 'ticket:recalled'
	| 'queue:changed'
	| 'ticket:expired'
	| 'display:message'
	| 'mpp:configured';
export type StaffEventName = Exclude<MppEventName, 'queue:changed' | 'ticket:tracked' | 'ticket:position'>;

export type MppRoom = 'display' | 'staff';

export type RoomRequest =
	| { room: MppRoom; mppId: string }
	| { room: 'counter'; counterId: string }
	| { room: 'ticket'; trackCode: string }
	| { room: 'ministry' }
	| { room: 'figures'; mppId: string };

export interface SnapshotRequest {
	room: MppRoom;
	mppId: string;
}

export interface ClientToServerEvents {
	/** The server validates every payload; a refusal is an `{ error }` ack, never a disconnect. */
	'room:join': (request: RoomRequest, ack: (response: Ack<{ room: string }>) => void) => void;
	'room:leave': (request: RoomRequest, ack: (response: Ack<{ room: string }>) => void) => void;
	'snapshot:get': (request: SnapshotRequest, ack: (response: Ack<Snapshot>) => void) => void;
	/** A citizen's phone: joins `ticket:<trackCode>` and answers the ticket's live state, in one round trip. */
	'ticket:follow': (request: { trackCode: string }, ack: (response: Ack<TicketFollowState>) => void) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- socket.io's slot for node-to-node events
export interface InterServerEvents {}

/** What the server knows about a connected socket, set once at the handshake. */
export interface SocketData {
	actor: Actor;
}

export interface SnapshotMpp {
	id: string;
	slug: string;
	name: string;
	timezone: string;
	runningText: string;
}

export interface SnapshotService {
	id: string;
	prefix: string;
	name: string;
	tenantName: string;
}

/** What a TV shows, equal to the state right after event `seq` of this MPP. */
export interface DisplaySnapshot {
	kind: 'display';
	seq: number;
	mpp: SnapshotMpp;
	/** today's latest calls (MPP-local day), newest first, one per ticket */
	recentCalls: CallView[];
	/** every active service, 0 when nobody waits */
	waiting: WaitingCounts;
	services: SnapshotService[];
	counters: DisplayCounter[];
}

export interface StaffCounter extends DisplayCounter {
	serviceIds: string[];
	currentTicket: TicketView | null;
}

export interface StaffSnapshot extends Omit<DisplaySnapshot, 'kind' | 'counters'> {
	kind: 'staff';
	counters: StaffCounter[];
}

export type Snapshot = DisplaySnapshot | StaffSnapshot;
