import { describe, expect, it } from 'vitest';
import { describeIssues } from '../http';
import { ageGroupOf, surveyBodySchema } from './schema';

const answers = {
	persyaratan: 3,
	prosedur: 3,
	waktu: 2,
	biaya: 4,
	produk: 3,
	kompetensi: 4,
	perilaku: 4,
	pengaduan: 3,
	sarana: 3
};

function refusal(body: unknown): string {
	const result = surveyBodySchema.safeParse(body);
	if (result.success) throw new Error('accepted');
	return describeIssues(result.error);
}

describe('survey body', () => {
	it('accepts the nine answers alone, with an empty profile and no comment', () => {
		expect(surveyBodySchema.parse({ answers })).toEqual({ answers, profile: {}, comment: null });
	});

	it('keeps the optional profile and a trimmed comment; a blank comment is no comment', () => {
		const parsed = surveyBodySchema.parse({
			answers,
			profile: { ageGroup: 'ge60', sex: 'female', education: 'sma', occupation: 'lainnya' },
			comment: '  Ruang tunggu sejuk, terima kasih.  '
		});
		expect(parsed.profile).toEqual({
			ageGroup: 'ge60',
			sex: 'female',
			education: 'sma',
			occupation: 'lainnya'
		});
		expect(parsed.comment).toBe('Ruang tunggu sejuk, terima kasih.');
		expect(surveyBodySchema.parse({ answers, comment: '   ' }).comment).toBeNull();
	});

	it('turns an age in years into its band', () => {
		expect(surveyBodySchema.parse({ answers, profile: { age: 67 } }).profile.ageGroup).toBe('ge60');
		expect([ageGroupOf(17), ageGroupOf(20), ageGroupOf(35), ageGroupOf(59), ageGroupOf(60)]).toEqual([
			'lt20',
			'20_29',
			'30_39',
			'50_59',
			'ge60'
		]);
	});

	it.each([
		[{ ...answers, waktu: 5 }, 'answers.waktu'],
		[{ ...answers, biaya: 0 }, 'answers.biaya'],
		[{ ...answers, sarana: 2.5 }, 'answers.sarana'],
		[{ ...answers, perilaku: '4' }, 'answers.perilaku'],
		[{ ...answers, kecepatan: 3 }, 'kecepatan']
	])('names the wrong answer %#', (body, field) => {
		expect(refusal({ answers: body })).toContain(field);
	});

	it('names a missing element', () => {
		const { pengaduan: _, ...eight } = answers;
		expect(refusal({ answers: eight })).toContain('answers.pengaduan');
	});

	it('refuses codes outside the questionnaire and an over-long comment', () => {
		expect(refusal({ answers, profile: { sex: 'x' } })).toContain('profile.sex');
		expect(refusal({ answers, comment: 'a'.repeat(1001) })).toContain('comment');
	});
});
