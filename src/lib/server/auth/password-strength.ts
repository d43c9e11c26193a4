// Refusing passwords an attacker tries first (issue 10 item 7): common passwords, Indonesian words and
// names, keyboard walks, dates, and the person's own name or e-mail, scored by zxcvbn-ts. The
// dictionaries are megabytes, so they load on the first check, on the server only (never in a bundle).
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** zxcvbn's score 3: "safely unguessable", about 10^8 guesses; what its authors advise for accounts. */
export const MIN_PASSWORD_SCORE = 3;

/** Words every Antrean password list would start with. */
const siteWords = ['antrean', 'antrian', 'mpp', 'mal pelayanan publik', 'pelayanan', 'loket', 'admin'];

let factory: Promise<ZxcvbnFactory> | undefined;

function load(): Promise<ZxcvbnFactory> {
	factory ??= Promise.all([
		import('@zxcvbn-ts/core'),
		import('@zxcvbn-ts/language-common'),
		import('@zxcvbn-ts/language-id')
	]).then(
		([core, common, id]) =>
			new core.ZxcvbnFactory({
				graphs: common.adjacencyGraphs,
				dictionary: { ...common.dictionary, ...id.dictionary },
				useLevenshteinDistance: true
			})
	);
	return factory;
}

/**
 * Whether a new password is too easy to guess. `personal` are the account's own words (e-mail,
 * name): a password made of them is the first thing someone who knows the person tries.
 */
export async function isGuessablePassword(password: string, personal: string[] = []): Promise<boolean> {
	const zxcvbn = await load();
	const inputs = [...siteWords, ...personal.flatMap(personalWords)];
	const result = await zxcvbn.checkAsync(password, inputs);
	return result.score < MIN_PASSWORD_SCORE;
}

/** "budi.santoso@mpp.go.id" → the address, "budi", "santoso", "mpp", "go", "id". */
function personalWords(value: string): string[] {
	const lower = value.trim().toLowerCase();
	return lower ? [lower, ...lower.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3)] : [];
}
