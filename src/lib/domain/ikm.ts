// Indeks Kepuasan Masyarakat (IKM), PermenPANRB 14/2017, exactly as DOMAIN §1 computes it:
// NRR per element = Σ scores ÷ respondents; IKM = Σ (NRR × 1/9) × 25, rounded once, at the end, to
// 2 decimals; then the grade table. Computed from element totals and a respondent count, so hourly
// or daily rollups merge by adding, and a dashboard never averages averages.
import { surveyElements, type SurveyElement } from './survey-elements';

export type IkmGrade = 'A' | 'B' | 'C' | 'D';

/** The "kinerja unit" words of the grade table, as the regulation prints them. */
export const ikmGradeLabels: Record<IkmGrade, string> = {
	A: 'Sangat Baik',
	B: 'Baik',
	C: 'Kurang Baik',
	D: 'Tidak Baik'
};

/** Σ scores per element over a set of answers, and how many answers. */
export interface IkmTotals {
	totals: Record<SurveyElement, number>;
	respondents: number;
}

export interface IkmResult {
	/** 25.00 … 100.00, or null without respondents */
	value: number | null;
	grade: IkmGrade | null;
	gradeLabel: string | null;
	respondents: number;
	/** Krejcie–Morgan sample for the population served, or null when that population is not known */
	requiredSample: number | null;
	/** NRR per element (4 decimals, as DOMAIN's worked example prints them), null without respondents */
	elements: Record<SurveyElement, number | null>;
}

/**
 * The IKM on the 25–100 scale, rounded half-up to 2 decimals, or null without respondents.
 * Integer arithmetic: IKM × 100 = 2500 · Σtotals ÷ (9 · n) is a rational number, so the one rounding
 * is exact. Floating point would turn the boundary case 88.375 into 88.37 (DOMAIN §1 "Boundary").
 */
export function ikmValue({ totals, respondents }: IkmTotals): number | null {
	if (respondents <= 0) return null;
	const sum = surveyElements.reduce((s, code) => s + totals[code], 0);
	const numerator = 2500 * sum;
	const denominator = 9 * respondents;
	return Math.floor((2 * numerator + denominator) / (2 * denominator)) / 100;
}

/** The grade table of DOMAIN §1, applied to the rounded IKM: A ≥ 88.31, B ≥ 76.61, C ≥ 65.00, else D. */
export function ikmGrade(value: number): IkmGrade {
	// compare in hundredths so 88.31 is not lost to a binary fraction
	const hundredths = Math.round(value * 100);
	if (hundredths >= 8831) return 'A';
	if (hundredths >= 7661) return 'B';
	if (hundredths >= 6500) return 'C';
	return 'D';
}

/** NRR of one element: Σ scores ÷ respondents, to 4 decimals for display; null without respondents. */
export function elementNrr(total: number, respondents: number): number | null {
	if (respondents <= 0) return null;
	return Math.round((total / respondents) * 10_000) / 10_000;
}

// Krejcie & Morgan (1970), the table SKM reports cite (DOMAIN §1 "Sample size").
const CHI_SQUARE = 3.841;
const P = 0.5;
const D = 0.05;

/** Respondents needed for a population of `population` served citizens, nearest integer. */
export function requiredSample(population: number): number {
	if (population <= 0) return 0;
	const spread = CHI_SQUARE * P * (1 - P);
	return Math.round((spread * population) / (D * D * (population - 1) + spread));
}

/** Adds element totals and respondents of several groups (hours, counters) into one. */
export function mergeTotals(parts: IkmTotals[]): IkmTotals {
	const totals = emptyTotals().totals;
	let respondents = 0;
	for (const part of parts) {
		for (const code of surveyElements) totals[code] += part.totals[code];
		respondents += part.respondents;
	}
	return { totals, respondents };
}

export function emptyTotals(): IkmTotals {
	const totals = Object.fromEntries(surveyElements.map((code) => [code, 0])) as Record<SurveyElement, number>;
	return { totals, respondents: 0 };
}

/**
 * The shape every IKM in Antrean takes (the statistics API of issue 4 returns it). `population` is
 * the number of citizens served in the same period, for the required sample beside the respondents.
 */
export function ikmResult(input: IkmTotals, population?: number | null): IkmResult {
	const value = ikmValue(input);
	const grade = value === null ? null : ikmGrade(value);
	const elements = Object.fromEntries(
		surveyElements.map((code) => [code, elementNrr(input.totals[code], input.respondents)])
	) as Record<SurveyElement, number | null>;
	return {
		value,
		grade,
		gradeLabel: grade && ikmGradeLabels[grade],
		respondents: input.respondents,
		requiredSample: population === undefined || population === null ? null : requiredSample(population),
		elements
	};
}
