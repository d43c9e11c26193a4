import { describe, expect, it } from 'vitest';
import { ikmValue } from './ikm';
import { surveyElements, type SurveyAnswers } from './survey-elements';
import {
	elementMeans,
	generateAnswers,
	generateSurvey,
	LONG_WAIT_SECONDS,
	monthQuality,
	responseRate,
	WAIT_PENALTY
} from './survey-generator';
import { seededRandom } from './traffic-profile';

function means(all: SurveyAnswers[]) {
	return Object.fromEntries(
		surveyElements.map((code) => [code, all.reduce((s, a) => s + a[code], 0) / all.length])
	);
}

function totals(all: SurveyAnswers[]) {
	return {
		respondents: all.length,
		totals: Object.fromEntries(
			surveyElements.map((code) => [code, all.reduce((s, a) => s + a[code], 0)])
		) as Record<(typeof surveyElements)[number], number>
	};
}

describe('generated survey answers', () => {
	it('average the profile means per element over 10,000 respondents with short waits', () => {
		const random = seededRandom(7);
		const all = Array.from({ length: 10_000 }, () => generateAnswers(random, { waitSeconds: 600 }));
		const got = means(all);
		for (const code of surveyElements) expect(Math.abs(got[code] - elementMeans[code])).toBeLessThan(0.03);
		// the profile's means give an IKM near DOMAIN's target of 88 (Pemalang 88.18)
		expect(ikmValue(totals(all))).toBeGreaterThan(87);
		expect(ikmValue(totals(all))).toBeLessThan(91);
	});

	it('rate Waktu and Perilaku about 0.3 lower after a wait over an hour, other elements alike', () => {
		const short = means(
			Array.from({ length: 10_000 }, (_, i) => generateAnswers(seededRandom(i), { waitSeconds: 30 * 60 }))
		);
		const long = means(
			Array.from({ length: 10_000 }, (_, i) =>
				generateAnswers(seededRandom(i), { waitSeconds: LONG_WAIT_SECONDS + 60 })
			)
		);
		for (const code of ['waktu', 'perilaku'] as const)
			expect(Math.abs(short[code] - long[code] - WAIT_PENALTY)).toBeLessThan(0.05);
		expect(Math.abs(short.biaya - long.biaya)).toBeLessThan(0.03);
		expect(Math.abs(short.sarana - long.sarana)).toBeLessThan(0.03);
	});

	it('always answer every element with 1, 2, 3 or 4, even in a bad month', () => {
		const random = seededRandom(3);
		const seen = new Set<number>();
		for (let i = 0; i < 5_000; i++) {
			const answers = generateAnswers(random, { waitSeconds: i * 5, quality: (i % 7) - 3 });
			for (const code of surveyElements) seen.add(answers[code]);
		}
		expect([...seen].sort()).toEqual([1, 2, 3, 4]);
	});

	it('correlate answers within a respondent (one latent score)', () => {
		const random = seededRandom(11);
		const all = Array.from({ length: 10_000 }, () => generateAnswers(random, { waitSeconds: 0 }));
		const m = means(all);
		let cov = 0;
		let va = 0;
		let vb = 0;
		for (const a of all) {
			cov += (a.prosedur - m.prosedur) * (a.kompetensi - m.kompetensi);
			va += (a.prosedur - m.prosedur) ** 2;
			vb += (a.kompetensi - m.kompetensi) ** 2;
		}
		expect(cov / Math.sqrt(va * vb)).toBeGreaterThan(0.25);
	});

	it('vary the IKM across MPP-months with a standard deviation near 3', () => {
		const random = seededRandom(5);
		const ikms = Array.from({ length: 300 }, () => {
			const quality = monthQuality(random);
			return ikmValue(
				totals(Array.from({ length: 400 }, () => generateAnswers(random, { waitSeconds: 0, quality })))
			)!;
		});
		const mean = ikms.reduce((s, v) => s + v, 0) / ikms.length;
		const sd = Math.sqrt(ikms.reduce((s, v) => s + (v - mean) ** 2, 0) / (ikms.length - 1));
		expect(sd).toBeGreaterThan(2.3);
		expect(sd).toBeLessThan(3.7);
	});

	it('reproduce the same surveys from the same seed', () => {
		const draw = (seed: number) => {
			const random = seededRandom(seed);
			return Array.from({ length: 50 }, () => generateSurvey(random, { waitSeconds: 4000 }));
		};
		expect(draw(42)).toEqual(draw(42));
		expect(draw(42)).not.toEqual(draw(43));
	});

	it('answer mostly from phones, a few minutes after service, sometimes with profile or a comment', () => {
		const random = seededRandom(9);
		const all = Array.from({ length: 10_000 }, () => generateSurvey(random, { waitSeconds: 0 }));
		const phone = all.filter((s) => s.channel === 'phone').length / all.length;
		expect(phone).toBeGreaterThan(0.6);
		expect(phone).toBeLessThan(0.9);
		for (const s of all) {
			expect(s.delaySeconds).toBeGreaterThan(0);
			expect(s.delaySeconds).toBeLessThanOrEqual(15 * 60);
		}
		const withAge = all.filter((s) => s.profile.ageGroup).length / all.length;
		expect(withAge).toBeGreaterThan(0.2);
		expect(withAge).toBeLessThan(0.5);
		const comments = all.filter((s) => s.comment).map((s) => s.comment!);
		expect(comments.length / all.length).toBeGreaterThan(0.01);
		expect(comments.length / all.length).toBeLessThan(0.1);
		for (const c of comments) expect(c.length).toBeLessThan(60);
	});

	it('choose a response rate between 10 and 25 % of served tickets', () => {
		const random = seededRandom(1);
		for (let i = 0; i < 1000; i++) {
			const rate = responseRate(random);
			expect(rate).toBeGreaterThanOrEqual(0.1);
			expect(rate).toBeLessThanOrEqual(0.25);
		}
	});
});
