// The citizen satisfaction survey (SKM) of PermenPANRB 14/2017 (DOMAIN §1): nine elements (unsur),
// each answered on a 4-point scale, 1 worst … 4 best, plus the optional respondent profile of the
// official questionnaire. Elements are keyed by code, never by position: implementations order
// Sarana and Pengaduan differently (DOMAIN §1 "Ordering varies"). The wordings live in the message
// catalogue ('survey.element.<code>.*'), one set of four answers per element.

/** The order the form asks them in: the regulation's common reproduction, Pengaduan before Sarana. */
export const surveyElements = [
	'persyaratan',
	'prosedur',
	'waktu',
	'biaya',
	'produk',
	'kompetensi',
	'perilaku',
	'pengaduan',
	'sarana'
] as const;
export type SurveyElement = (typeof surveyElements)[number];

export const surveyScores = [1, 2, 3, 4] as const;
export type SurveyScore = (typeof surveyScores)[number];

export type SurveyAnswers = Record<SurveyElement, SurveyScore>;

// Respondent profile, as codes. The official form asks age in years, sex, education and main
// occupation; we ask age as a band so an elderly citizen taps once instead of typing (60+ is
// "lansia", DOMAIN §3). The category lists follow the form as commonly reproduced (UNVERIFIED
// against the gazette text, like DOMAIN's element order).
export const ageGroups = ['lt20', '20_29', '30_39', '40_49', '50_59', 'ge60'] as const;
export type AgeGroup = (typeof ageGroups)[number];

export const sexes = ['male', 'female'] as const;
export type Sex = (typeof sexes)[number];

/** SD ke bawah, SMP, SMA, D1–D3, D4/S1, S2 ke atas */
export const educationLevels = ['sd', 'smp', 'sma', 'diploma', 's1', 's2'] as const;
export type EducationLevel = (typeof educationLevels)[number];

/** PNS, TNI, POLRI, swasta, wirausaha, lainnya */
export const occupations = ['pns', 'tni', 'polri', 'swasta', 'wirausaha', 'lainnya'] as const;
export type Occupation = (typeof occupations)[number];

export interface RespondentProfile {
	ageGroup?: AgeGroup;
	sex?: Sex;
	education?: EducationLevel;
	occupation?: Occupation;
}

/** Free-text suggestion ("saran dan masukan"); long enough for a paragraph, short enough to read. */
export const MAX_COMMENT_LENGTH = 1000;

/** Where an answer was given: the citizen's own phone (tracking page) or the tablet at the counter. */
export const surveyChannels = ['phone', 'tablet'] as const;
export type SurveyChannel = (typeof surveyChannels)[number];
