// Estimated wait shown on the kiosk slip and the tracking page (DESIGN "The queue engine"):
// people ahead × recent mean service time ÷ open counters serving that service.

export interface WaitEstimateInput {
	/** tickets that will be called before this one */
	ahead: number;
	meanServiceSeconds: number;
	/** open counters that serve the service; fewer than one is treated as one (a counter will open) */
	openCounters: number;
}

/** Whole minutes, rounded up: a citizen minds an estimate that is too short more than one too long. */
export function estimateWaitMinutes({ ahead, meanServiceSeconds, openCounters }: WaitEstimateInput): number {
	if (ahead <= 0) return 0;
	const seconds = (ahead * Math.max(0, meanServiceSeconds)) / Math.max(1, openCounters);
	return Math.ceil(seconds / 60);
}
