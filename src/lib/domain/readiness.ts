// An MPP's baseline and readiness (issue 14, DOMAIN §2: "no baseline of each region's condition and
// readiness"). The ministry records five indicators; the score is a fixed, published formula so that
// an MPP can see what would raise it. Pure: values in, score and its parts out.

export const readinessIndicators = [
	'agencies_present',
	'digital_services',
	'vulnerable_facilities',
	'complaint_channel',
	'skm_published'
] as const;
export type ReadinessIndicator = (typeof readinessIndicators)[number];

export type ReadinessValue = number | boolean | string;

interface Rule {
	kind: 'count' | 'yesno' | 'link';
	/** points at full marks; the five add up to 100 */
	points: number;
	/** count indicators: the number that earns full marks */
	full?: number;
}

/**
 * The formula, shown on the page as written here:
 * - agencies present: 30 × min(agencies ÷ 17, 1): the 17 ministries and agencies of the MoUs
 * - digital services: 20 × min(services ÷ 10, 1): services a citizen can start online
 * - facilities for vulnerable groups: 20 when present (ramp, priority seats, accessible toilet, lactation room)
 * - complaint channel: 15 when the MPP has its SP4N-LAPOR! address
 * - SKM published: 15 when the latest satisfaction survey result is published
 */
export const readinessRules: Record<ReadinessIndicator, Rule> = {
	agencies_present: { kind: 'count', points: 30, full: 17 },
	digital_services: { kind: 'count', points: 20, full: 10 },
	vulnerable_facilities: { kind: 'yesno', points: 20 },
	complaint_channel: { kind: 'link', points: 15 },
	skm_published: { kind: 'yesno', points: 15 }
};

export const COUNT_MAX = 500;

/** The stored text of a value back to its type; null for what cannot be read (never stored by us). */
export function readValue(indicator: ReadinessIndicator, stored: string): ReadinessValue | null {
	const rule = readinessRules[indicator];
	if (rule.kind === 'count') {
		const n = Number(stored);
		return Number.isInteger(n) && n >= 0 && n <= COUNT_MAX ? n : null;
	}
	if (rule.kind === 'yesno') return stored === 'true' ? true : stored === 'false' ? false : null;
	return isComplaintAddress(stored) ? stored : null;
}

/** An https address, as SP4N-LAPOR! gives each institution (https://www.lapor.go.id/instansi/…). */
export function isComplaintAddress(value: string): boolean {
	if (value.length > 300) return false;
	try {
		const url = new URL(value);
		return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password;
	} catch {
		return false;
	}
}

/** The points one indicator earns, 0 when it was never recorded. */
export function indicatorPoints(indicator: ReadinessIndicator, value: ReadinessValue | null): number {
	const rule = readinessRules[indicator];
	if (value === null) return 0;
	if (rule.kind === 'count') return rule.points * Math.min(Number(value) / (rule.full ?? 1), 1);
	if (rule.kind === 'yesno') return value === true ? rule.points : 0;
	return typeof value === 'string' && value ? rule.points : 0;
}

export interface ReadinessScore {
	/** 0–100, one decimal */
	score: number;
	points: Record<ReadinessIndicator, number>;
	/** indicators never recorded: the score treats them as 0 */
	missing: ReadinessIndicator[];
}

export function readinessScore(
	values: Partial<Record<ReadinessIndicator, ReadinessValue | null>>
): ReadinessScore {
	const points = {} as Record<ReadinessIndicator, number>;
	const missing: ReadinessIndicator[] = [];
	let total = 0;
	for (const indicator of readinessIndicators) {
		const value = values[indicator] ?? null;
		if (value === null) missing.push(indicator);
		points[indicator] = Math.round(indicatorPoints(indicator, value) * 10) / 10;
		total += indicatorPoints(indicator, value);
	}
	return { score: Math.round(total * 10) / 10, points, missing };
}
