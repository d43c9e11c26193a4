// The survey body every door accepts (POST /api/v1/tickets/{trackCode}/survey): nine answers 1–4
// keyed by element code, the optional respondent profile and a comment (DOMAIN §1).
import { z } from 'zod';
import {
	ageGroups,
	educationLevels,
	MAX_COMMENT_LENGTH,
	occupations,
	sexes,
	surveyElements,
	type AgeGroup,
	type RespondentProfile,
	type SurveyElement,
	type SurveyScore
} from '../../domain/survey-elements';

const score = z
	.int({ error: 'harus bilangan bulat 1–4 (must be an integer 1–4)' })
	.min(1, { error: 'harus 1–4 (must be 1–4)' })
	.max(4, { error: 'harus 1–4 (must be 1–4)' })
	.transform((value) => value as SurveyScore);

const answersShape = Object.fromEntries(surveyElements.map((code) => [code, score])) as Record<
	SurveyElement,
	typeof score
>;

/** Age in years (as the printed form asks it) becomes the band the form stores. */
export function ageGroupOf(age: number): AgeGroup {
	if (age < 20) return 'lt20';
	if (age >= 60) return 'ge60';
	return `${Math.floor(age / 10) * 10}_${Math.floor(age / 10) * 10 + 9}` as AgeGroup;
}

const profileSchema = z
	.strictObject({
		ageGroup: z.enum(ageGroups).optional(),
		age: z.int().min(10).max(120).optional(),
		sex: z.enum(sexes).optional(),
		education: z.enum(educationLevels).optional(),
		occupation: z.enum(occupations).optional()
	})
	.transform(({ age, ageGroup, ...rest }) => ({
		...rest,
		ageGroup: ageGroup ?? (age === undefined ? undefined : ageGroupOf(age))
	}));

export const surveyBodySchema = z.strictObject({
	answers: z.strictObject(answersShape),
	profile: profileSchema.optional().transform((profile): RespondentProfile => profile ?? {}),
	comment: z
		.string()
		.max(MAX_COMMENT_LENGTH, { error: `paling banyak ${MAX_COMMENT_LENGTH} karakter (too long)` })
		.nullish()
		.transform((text) => text?.trim() || null),
	/** a feedback tablet not pinned by an admin: the counter its page was opened for */
	counterId: z.uuid().optional()
});

export type SurveyBody = z.infer<typeof surveyBodySchema>;
