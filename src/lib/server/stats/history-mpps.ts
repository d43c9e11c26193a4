// The MPPs `npm run seed:history` creates: spread over the three zones roughly as MPPs are (most in
// WIB; DOMAIN §4 "60% in Java"), sized after DOMAIN's generator profile, each built from the demo
// MPP of its size (catalogue of agencies, services and counters) renamed for its own city.
import { seededRandom } from '../../domain/traffic-profile';
import { demoMpps, type DemoMpp } from '../demo/profile';

interface City {
	city: string;
	province: string;
	timezone: string;
}

const wib = (city: string, province: string, timezone = 'Asia/Jakarta'): City => ({
	city,
	province,
	timezone
});
const wita = (city: string, province: string): City => ({ city, province, timezone: 'Asia/Makassar' });
const wit = (city: string, province: string): City => ({ city, province, timezone: 'Asia/Jayapura' });

// Provinces per zone from DOMAIN §6 (Kalbar and Kalteng are WIB through Asia/Pontianak).
const citiesByZone: City[][] = [
	[
		wib('Kota Medan', 'Sumatera Utara'),
		wib('Kota Surabaya', 'Jawa Timur'),
		wib('Kota Semarang', 'Jawa Tengah'),
		wib('Kota Bekasi', 'Jawa Barat'),
		wib('Kota Padang', 'Sumatera Barat'),
		wib('Kabupaten Banyuwangi', 'Jawa Timur'),
		wib('Kota Pekanbaru', 'Riau'),
		wib('Kota Batam', 'Kepulauan Riau'),
		wib('Kota Palembang', 'Sumatera Selatan'),
		wib('Kota Bandar Lampung', 'Lampung'),
		wib('Kota Tangerang Selatan', 'Banten'),
		wib('Kota Yogyakarta', 'DI Yogyakarta'),
		wib('Kota Malang', 'Jawa Timur'),
		wib('Kabupaten Sidoarjo', 'Jawa Timur'),
		wib('Kota Pontianak', 'Kalimantan Barat', 'Asia/Pontianak'),
		wib('Kota Palangka Raya', 'Kalimantan Tengah', 'Asia/Pontianak'),
		wib('Kota Jambi', 'Jambi'),
		wib('Kota Bengkulu', 'Bengkulu'),
		wib('Kota Banda Aceh', 'Aceh'),
		wib('Kabupaten Magetan', 'Jawa Timur'),
		wib('Kota Pangkalpinang', 'Kepulauan Bangka Belitung'),
		wib('Kota Bogor', 'Jawa Barat')
	],
	[
		wita('Kabupaten Badung', 'Bali'),
		wita('Kota Mataram', 'Nusa Tenggara Barat'),
		wita('Kota Kupang', 'Nusa Tenggara Timur'),
		wita('Kota Makassar', 'Sulawesi Selatan'),
		wita('Kota Samarinda', 'Kalimantan Timur'),
		wita('Kabupaten Kutai Kartanegara', 'Kalimantan Timur'),
		wita('Kota Banjarmasin', 'Kalimantan Selatan'),
		wita('Kabupaten Hulu Sungai Selatan', 'Kalimantan Selatan'),
		wita('Kota Tarakan', 'Kalimantan Utara'),
		wita('Kota Manado', 'Sulawesi Utara'),
		wita('Kota Palu', 'Sulawesi Tengah'),
		wita('Kota Kendari', 'Sulawesi Tenggara'),
		wita('Kota Gorontalo', 'Gorontalo'),
		wita('Kabupaten Mamuju', 'Sulawesi Barat')
	],
	[
		wit('Kota Ambon', 'Maluku'),
		wit('Kota Ternate', 'Maluku Utara'),
		wit('Kota Sorong', 'Papua Barat Daya'),
		wit('Kabupaten Manokwari', 'Papua Barat'),
		wit('Kabupaten Nabire', 'Papua Tengah'),
		wit('Kabupaten Jayawijaya', 'Papua Pegunungan'),
		wit('Kabupaten Merauke', 'Papua Selatan')
	]
];

/** Zone of the i-th MPP: 6 WIB, 3 WITA, 1 WIT in every ten. */
const zonePattern = [0, 1, 0, 2, 0, 1, 0, 0, 1, 0];

/** DOMAIN "mpp_sizes": tickets per working day by size. */
const sizes = {
	small: { share: 0.5, tickets: [120, 300] },
	medium: { share: 0.35, tickets: [300, 800] },
	large: { share: 0.15, tickets: [800, 1500] }
} as const;

export interface HistoryMppPlan {
	mpp: DemoMpp;
	ticketsPerWeekday: number;
}

const slugOf = (text: string) =>
	text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

const shortName = (city: string) => city.replace(/^(Kota|Kabupaten) /, '');

/** The i-th (0-based) generated MPP: the same i always gives the same MPP, so reruns find it. */
export function planHistoryMpp(i: number): HistoryMppPlan {
	const random = seededRandom(1_000_003 * (i + 1));
	const zoneIndex = zonePattern[i % zonePattern.length];
	const zone = citiesByZone[zoneIndex];
	// how many earlier MPPs share this zone: walks its city list, then starts over with "2", "3" …
	let nth = 0;
	for (let j = 0; j < i; j++) if (zonePattern[j % zonePattern.length] === zoneIndex) nth++;
	const place = zone[nth % zone.length];
	const repeat = Math.floor(nth / zone.length);
	const r = random();
	const size =
		r < sizes.small.share ? 'small' : r < sizes.small.share + sizes.medium.share ? 'medium' : 'large';
	const template = demoMpps.find((m) => m.size === size)!;
	const [low, high] = sizes[size].tickets;
	const rename = (text: string) =>
		text.replace(template.city, place.city).replace(shortName(template.city), shortName(place.city));
	const suffix = repeat ? ` ${repeat + 1}` : '';
	return {
		ticketsPerWeekday: Math.round(low + random() * (high - low)),
		mpp: {
			...template,
			slug: `mpp-${slugOf(place.city)}${repeat ? `-${repeat + 1}` : ''}`,
			name: `Mal Pelayanan Publik ${place.city}${suffix}`,
			province: place.province,
			city: place.city,
			timezone: place.timezone,
			size,
			runningText: rename(template.runningText),
			tenants: template.tenants.map((t) => ({ ...t, name: rename(t.name) }))
		}
	};
}
