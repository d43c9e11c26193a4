// Generated survey answers for history, after DOMAIN's generator profile "satisfaction": element
// means of MPP Pemalang's SKM [13], answers correlated through one latent score per respondent (a
// citizen pleased with the visit tends to rate every element high), Waktu and Perilaku 0.3 lower
// after a wait over an hour, and an MPP-month quality offset so IKM varies across MPP-months (sd ≈ 3).
// Modelled as an ordered probit: answer = 1 + how many fixed cut points a normal score passes.
import { normal, pickWeighted, type Random } from './traffic-profile';
import {
	ageGroups,
	educationLevels,
	occupations,
	sexes,
	surveyElements,
	type RespondentProfile,
	type SurveyAnswers,
	type SurveyChannel,
	type SurveyElement,
	type SurveyScore
} from './survey-elements';

/** DOMAIN profile `satisfaction.element_mean`: the answers' mean per element for a wait of an hour or less. */
export const elementMeans: Record<SurveyElement, number> = {
	persyaratan: 3.41,
	prosedur: 3.5,
	waktu: 3.45,
	biaya: 3.94,
	produk: 3.55,
	kompetensi: 3.6,
	perilaku: 3.65,
	pengaduan: 3.41,
	sarana: 3.75
};

/** DOMAIN profile `wait_penalty`: Waktu and Perilaku drop by this after a wait over LONG_WAIT_SECONDS. */
export const WAIT_PENALTY = 0.3;
export const LONG_WAIT_SECONDS = 60 * 60;
const penalised: readonly SurveyElement[] = ['waktu', 'perilaku'];

/** DOMAIN profile `response_rate`: share of served tickets that answer, fixed per MPP. */
export const RESPONSE_RATE = { min: 0.1, max: 0.25 } as const;

// Cut points of the latent score between answers 1|2, 2|3 and 3|4 (ASSUMPTION: few 1s, some 2s,
// mostly 3s and 4s, as published SKM tables show). The score has variance 1: a share RHO of it is the
// respondent's overall mood, the rest is element-specific.
const CUTS: readonly number[] = [-2.2, -1.2, 0];
const RHO = 0.5;
// latent sd of the MPP-month offset; calibrated so the IKM's sd across MPP-months is ≈ 3 (unit test)
const MONTH_SD = 0.25;

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 through erf; error < 1.5e-7). */
function phi(x: number): number {
	const z = Math.abs(x) / Math.SQRT2;
	const t = 1 / (1 + 0.3275911 * z);
	const poly =
		t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
	const erf = 1 - poly * Math.exp(-z * z);
	return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Expected answer when the latent score is N(location + shift, 1). */
export function expectedAnswer(location: number, shift = 0): number {
	return 1 + CUTS.reduce((sum, cut) => sum + phi(location + shift - cut), 0);
}

/** The latent location whose expected answer is `mean` (bisection; expectedAnswer is increasing). */
function locationFor(mean: number): number {
	let lo = -6;
	let hi = 6;
	for (let i = 0; i < 60; i++) {
		const mid = (lo + hi) / 2;
		if (expectedAnswer(mid) < mean) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}

const locations = Object.fromEntries(
	surveyElements.map((code) => [
		code,
		{ short: locationFor(elementMeans[code]), long: locationFor(elementMeans[code] - WAIT_PENALTY) }
	])
) as Record<SurveyElement, { short: number; long: number }>;

/** This MPP's response rate, 10–25 % of served tickets. */
export function responseRate(random: Random): number {
	return RESPONSE_RATE.min + (RESPONSE_RATE.max - RESPONSE_RATE.min) * random();
}

/** An MPP-month's latent quality offset (0 = the profile's means); draw one per MPP and month. */
export function monthQuality(random: Random): number {
	return MONTH_SD * normal(random);
}

export interface AnswerContext {
	/** issued → first called, seconds; null when unknown */
	waitSeconds: number | null;
	/** the MPP-month's offset from monthQuality(); 0 reproduces the profile's means */
	quality?: number;
}

/** The nine answers of one respondent, each 1–4. */
export function generateAnswers(random: Random, context: AnswerContext): SurveyAnswers {
	const longWait = (context.waitSeconds ?? 0) > LONG_WAIT_SECONDS;
	const mood = Math.sqrt(RHO) * normal(random) + (context.quality ?? 0);
	const own = Math.sqrt(1 - RHO);
	const answers = {} as SurveyAnswers;
	for (const code of surveyElements) {
		const location = longWait && penalised.includes(code) ? locations[code].long : locations[code].short;
		const score = location + mood + own * normal(random);
		let answer = 1;
		for (const cut of CUTS) if (score > cut) answer++;
		answers[code] = answer as SurveyScore;
	}
	return answers;
}

// ASSUMPTION: most respondents skip the optional profile or fill only part of it
const PROFILE_FIELD_SHARE = 0.35;
// ASSUMPTION: few leave a comment; short phrases such as citizens type on a phone
const COMMENT_SHARE = 0.04;
const praise = [
	'Pelayanan cepat, terima kasih.',
	'Petugas ramah dan sabar.',
	'Tempatnya bersih dan nyaman.',
	'Mantap, prosesnya mudah.',
	'Terima kasih, sangat membantu.'
];
const complaints = [
	'Antrean terlalu lama.',
	'Mohon tambah loket di jam ramai.',
	'Kursi ruang tunggu kurang.',
	'Persyaratan kurang jelas di awal.',
	'AC ruang tunggu kurang dingin.'
];
// ASSUMPTION: most answers come from the citizen's phone, the rest from the tablet at the counter
const TABLET_SHARE = 0.25;

export interface GeneratedSurvey {
	answers: SurveyAnswers;
	profile: RespondentProfile;
	comment: string | null;
	channel: SurveyChannel;
	/** seconds after the ticket was finished */
	delaySeconds: number;
}

export function generateSurvey(random: Random, context: AnswerContext): GeneratedSurvey {
	const answers = generateAnswers(random, context);
	const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
	const profile: RespondentProfile = {};
	if (random() < PROFILE_FIELD_SHARE) profile.ageGroup = pickWeighted(random, ageWeights);
	if (random() < PROFILE_FIELD_SHARE) profile.sex = pick(sexes);
	if (random() < PROFILE_FIELD_SHARE) profile.education = pickWeighted(random, educationWeights);
	if (random() < PROFILE_FIELD_SHARE) profile.occupation = pickWeighted(random, occupationWeights);
	let comment: string | null = null;
	if (random() < COMMENT_SHARE) {
		const mean = surveyElements.reduce((s, code) => s + answers[code], 0) / surveyElements.length;
		comment = pick(mean >= 3.3 ? praise : complaints);
	}
	const channel: SurveyChannel = random() < TABLET_SHARE ? 'tablet' : 'phone';
	// at the tablet the answer follows within a minute or two; on a phone a few minutes later
	const delaySeconds = Math.round(channel === 'tablet' ? 20 + random() * 100 : 60 + random() * 840);
	return { answers, profile, comment, channel, delaySeconds };
}

// ASSUMPTION: adults of working age dominate MPP visitors; weights in the order of the code lists
const ageWeights = weights(ageGroups, [4, 28, 27, 20, 13, 8]);
const educationWeights = weights(educationLevels, [8, 15, 42, 12, 20, 3]);
const occupationWeights = weights(occupations, [10, 2, 2, 40, 28, 18]);

function weights<K extends string>(codes: readonly K[], values: number[]): Record<K, number> {
	return Object.fromEntries(codes.map((code, i) => [code, values[i]])) as Record<K, number>;
}
