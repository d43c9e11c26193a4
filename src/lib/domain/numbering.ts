// Ticket numbers are a service letter plus three digits, read aloud as a cardinal number
// ("A, seratus dua puluh tiga"): DOMAIN §5. Three digits means at most 999 tickets per service-day.
export const maxTicketSeq = 999;

export function canNumber(seq: number): boolean {
	return Number.isInteger(seq) && seq >= 1 && seq <= maxTicketSeq;
}

/** `A` + 7 → `A007`. Throws for a sequence that three digits cannot hold; callers check canNumber first. */
export function ticketNumber(prefix: string, seq: number): string {
	if (!canNumber(seq)) throw new RangeError(`ticket sequence ${seq} is outside 1…${maxTicketSeq}`);
	return `${prefix}${String(seq).padStart(3, '0')}`;
}
