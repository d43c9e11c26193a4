// Which waiting ticket a counter calls next. Priority groups (UU 25/2009 Art. 29, DOMAIN §3) go
// first, but a counter makes at most `ratio` priority calls in a row while regular tickets wait, so
// regular citizens are never starved. Within a class, arrival order (queued_at, then id) decides;
// a transferred ticket keeps its original queued_at and so its place.

export interface QueueCandidate {
	id: string;
	priority: boolean;
	queuedAt: Date;
}

export interface PriorityChoice<T extends QueueCandidate> {
	ticket: T;
	/** the counter's new count of priority calls in a row made while regular tickets waited */
	streak: number;
}

export const defaultPriorityRatio = 2;

function earlier(a: QueueCandidate, b: QueueCandidate): boolean {
	const diff = a.queuedAt.getTime() - b.queuedAt.getTime();
	return diff < 0 || (diff === 0 && a.id < b.id);
}

function head<T extends QueueCandidate>(candidates: readonly T[], priority: boolean): T | undefined {
	let best: T | undefined;
	for (const c of candidates) if (c.priority === priority && (!best || earlier(c, best))) best = c;
	return best;
}

/** Which class a counter should try first, given its streak. */
export function prefersPriority(streak: number, ratio: number): boolean {
	return streak < Math.max(1, ratio);
}

/**
 * The streak after a call. Only priority calls that passed over a waiting regular ticket count: when
 * no regular ticket waits there is nobody to be unfair to.
 */
export function nextStreak(calledPriority: boolean, regularWaiting: boolean, streak: number): number {
	if (!calledPriority || !regularWaiting) return 0;
	return streak + 1;
}

/**
 * Picks the next ticket among the waiting candidates (any order; the heads of each class are found
 * here), or undefined when none wait.
 */
export function chooseNext<T extends QueueCandidate>(
	candidates: readonly T[],
	streak: number,
	ratio = defaultPriorityRatio
): PriorityChoice<T> | undefined {
	const priority = head(candidates, true);
	const regular = head(candidates, false);
	const ticket = priority && (!regular || prefersPriority(streak, ratio)) ? priority : regular;
	if (!ticket) return undefined;
	return { ticket, streak: nextStreak(ticket.priority, Boolean(regular), streak) };
}
