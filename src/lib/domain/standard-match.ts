// Suggests the standard service an MPP service most likely is (issue 14), from the words of its name
// and code and of its agency's name, against each standard service's name, code and agency. It only
// suggests: the admin confirms, because "Layanan Pertanahan" could be several BPN services.

export interface MatchService {
	name: string;
	code: string;
	/** the name of the MPP's agency (tenant) that offers it */
	tenantName: string;
}

export interface MatchStandard {
	code: string;
	name: string;
	agency: string;
}

// words that say nothing about which service it is
const filler = new Set([
	'dan',
	'atau',
	'di',
	'ke',
	'dari',
	'untuk',
	'yang',
	'baru',
	'layanan',
	'pelayanan',
	'surat',
	'permohonan',
	'pendaftaran',
	'kota',
	'kabupaten',
	'kab',
	'provinsi',
	'dinas',
	'kantor',
	'of',
	'and',
	'the',
	'service'
]);

// the same thing spelled differently in MPPs (English names, old spellings, short forms)
const synonyms: Record<string, string> = Object.assign(Object.create(null), {
	passport: 'paspor',
	sertifikat: 'sertipikat',
	disdukcapil: 'dukcapil',
	ktpel: 'ktp',
	kepolisian: 'polri',
	polres: 'polri',
	polresta: 'polri',
	satpas: 'polri',
	kanim: 'imigrasi',
	atr: 'bpn',
	pertanahan: 'bpn',
	kua: 'kemenag',
	perpajakan: 'pajak',
	djp: 'pajak',
	kpp: 'pajak',
	listrik: 'pln',
	air: 'pdam',
	jkn: 'kesehatan',
	bpjstk: 'ketenagakerjaan',
	nasabah: 'bank',
	rekening: 'bank',
	bpd: 'bank'
});

/** Lowercase words without accents and filler, split on anything that is not a letter or digit. */
export function tokens(text: string): Set<string> {
	const words = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		// "KTP-el" and "KTP_EL" are one word in people's minds, and in MPP codes
		.replace(/ktp[\s_-]*el\b/g, 'ktp')
		.split(/[^a-z0-9]+/)
		.filter((w) => w.length > 1 && !filler.has(w));
	return new Set(words.map((w) => synonyms[w] ?? w));
}

const overlap = (a: Set<string>, b: Set<string>) => [...a].filter((w) => b.has(w)).length;

/**
 * The best standard service for an MPP service, or null when no word of the service's name or code
 * matches any standard service. Name words weigh twice the agency's; ties go to the standard whose
 * name has fewer other words (the more specific match), then to the code, so the answer is stable.
 */
export function suggestStandard(
	service: MatchService,
	standards: readonly MatchStandard[]
): { code: string; score: number } | null {
	const own = tokens(`${service.name} ${service.code}`);
	const agency = tokens(service.tenantName);
	let best: { code: string; score: number; extra: number } | null = null;
	for (const s of standards) {
		const words = tokens(`${s.name} ${s.code}`);
		const agencyWords = tokens(s.agency);
		const named = overlap(own, words);
		if (named === 0) continue;
		const score = 2 * named + overlap(agency, agencyWords) + overlap(own, agencyWords);
		const extra = words.size - named;
		if (
			!best ||
			score > best.score ||
			(score === best.score && (extra < best.extra || (extra === best.extra && s.code < best.code)))
		)
			best = { code: s.code, score, extra };
	}
	return best && { code: best.code, score: best.score };
}
