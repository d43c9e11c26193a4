// Indonesia's provinces, regencies and cities with their Kemendagri codes, from the `idn-area-data`
// package's CSV files (read once per process; 38 provinces, 514 regencies and cities). No map server,
// no download at run time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface Region {
	/** e.g. "91.71" */
	code: string;
	name: string;
	kind: 'kabupaten' | 'kota';
	provinceCode: string;
	province: string;
}

let cached: Region[] | undefined;

function dataFile(name: string): string {
	// the package's entry is lib/index.js; its data sits beside lib/
	const entry = createRequire(import.meta.url).resolve('idn-area-data');
	return join(dirname(entry), '..', 'data', name);
}

function rows(name: string): string[][] {
	return readFileSync(dataFile(name), 'utf8')
		.split(/\r?\n/)
		.slice(1)
		.filter((line) => line.trim())
		.map((line) => line.split(','));
}

export function allRegions(): Region[] {
	if (cached) return cached;
	const provinces = new Map(rows('provinces.csv').map(([code, name]) => [code, name]));
	cached = rows('regencies.csv').map(([code, provinceCode, name]) => ({
		code,
		name,
		kind: name.startsWith('Kota ') ? ('kota' as const) : ('kabupaten' as const),
		provinceCode,
		province: provinces.get(provinceCode) ?? provinceCode
	}));
	return cached;
}

let provinces: { code: string; name: string }[] | undefined;

/** The 38 provinces, by Kemendagri code. */
export function allProvinces(): { code: string; name: string }[] {
	provinces ??= rows('provinces.csv').map(([code, name]) => ({ code, name }));
	return provinces;
}
