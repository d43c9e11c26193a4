// Hook for `npm run seed:history` and the demo's history: survey answers for generated days (issue 4:
// satisfaction that drops when waits are long, DOMAIN profile "satisfaction"). Statistics read the
// IKM straight from the surveys table (src/lib/server/db/stats-surveys.ts), not from rollups, so the
// answers count as soon as they are written, whether before or after the days were rolled up.
import { surveyElements } from '../../domain/survey-elements';
import { generateSurvey, monthQuality, responseRate } from '../../domain/survey-generator';
import { seededRandom } from '../../domain/traffic-profile';
import type { Sql } from '../db/client';
import { copySurveys, listSurveyCandidates } from '../db/surveys';
import { uuidv7At } from '../ids';

export interface HistorySurveysInput {
	mppId: string;
	/** MPP-local dates, inclusive: the days generateHistory just wrote */
	from: string;
	to: string;
	seed: number;
}

/** Writes survey answers for the served tickets of those days that have none; returns how many. */
export async function generateHistorySurveys(sql: Sql, input: HistorySurveysInput): Promise<number> {
	// the rate belongs to the MPP (its seed), so every run over its days answers at the same rate
	const rate = responseRate(seededRandom(mix(input.seed, 0x5eed)));
	const candidates = await listSurveyCandidates(sql, {
		mppId: input.mppId,
		from: input.from,
		to: input.to,
		share: rate,
		salt: input.seed
	});
	if (!candidates.length) return 0;
	// one quality offset per MPP-month, drawn from the seed and the month alone, so a later run that
	// adds days to a month continues that month's level
	const quality = new Map<string, number>();
	const qualityOf = (month: string) => {
		if (!quality.has(month)) quality.set(month, monthQuality(seededRandom(mix(input.seed, hash(month)))));
		return quality.get(month)!;
	};
	const random = seededRandom(mix(input.seed, hash(input.from)));

	function* lines() {
		for (const t of candidates) {
			const s = generateSurvey(random, {
				waitSeconds: t.waitSeconds,
				quality: qualityOf(t.localDate.slice(0, 7))
			});
			const answeredAt = t.finishedAt.getTime() + s.delaySeconds * 1000;
			yield (
				[
					uuidv7At(answeredAt),
					t.id,
					input.mppId,
					t.serviceId,
					t.counterId ?? '\\N',
					new Date(answeredAt).toISOString(),
					t.localDate,
					...surveyElements.map((code) => s.answers[code]),
					s.profile.ageGroup ?? '\\N',
					s.profile.sex ?? '\\N',
					s.profile.education ?? '\\N',
					s.profile.occupation ?? '\\N',
					s.comment ?? '\\N',
					s.channel,
					// generated history has no tablet device rows to point at
					'\\N'
				].join('\t') + '\n'
			);
		}
	}

	await copySurveys(sql, lines());
	return candidates.length;
}

function mix(a: number, b: number): number {
	return (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b) >>> 0;
}

function hash(text: string): number {
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
	return h >>> 0;
}
