// The queue engine (DESIGN "The queue engine"). Every operation is one transaction and returns what
// happened as an Outcome; its transaction sends it on the bus (bus/send.ts). Nothing here knows about sockets.
export { callNext } from './call-next';
export { setCounterStatus } from './counter-status';
export { expireEndedDays } from './expire';
export { issueTicket, type IssueTicketInput } from './issue';
export { findTicket, getTicketByTrackCode, queueWaitingCounts, ticketAccessInfo } from './lookup';
export type { CounterView, Outcome, OutcomeTicket, QueueChange, TicketView } from './outcome';
export { cancel, finish, noShow, recall, start, type TicketActionInput } from './ticket-actions';
export { transfer } from './transfer';
export { generateTrackCode } from './track-code';
export type {
	CallNextResult,
	CounterOutcome,
	IssuedTicket,
	QueueActor,
	TicketAccessInfo,
	TicketOutcome,
	TicketTracking
} from './types';
