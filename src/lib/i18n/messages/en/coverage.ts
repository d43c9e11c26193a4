// English messages of the ministry's coverage page.
import type { coverage as id } from '../id/coverage';

export const coverage: Record<keyof typeof id, string> = {
	'coverage.tab': 'Coverage',
	'coverage.title': 'MPP coverage of regencies and cities',
	'coverage.intro':
		'The programme target: one MPP in every regency and city (514). A regency or city counts as having an MPP once its MPP is inaugurated or operating on Antrean.',
	'coverage.headline': '{without} of {regions} regencies and cities have no MPP yet.',
	'coverage.targetLine':
		'Target {year}: {target} regencies and cities with an MPP; reached {withMpp}, {remaining} to go.',
	'coverage.noTarget': 'No target set for {year}.',
	'coverage.year': 'Year',
	'coverage.show': 'Show',
	'coverage.csv': 'Download CSV',
	'coverage.province': 'Province',
	'coverage.allProvinces': 'Choose a province to list its regencies and cities',
	'coverage.col.regions': 'Regencies/cities',
	'coverage.col.withMpp': 'With an MPP',
	'coverage.col.withoutMpp': 'Without an MPP',
	'coverage.status.none': 'No MPP',
	'coverage.status.planned': 'Planned',
	'coverage.status.building': 'Being built',
	'coverage.status.inaugurated': 'Inaugurated',
	'coverage.status.operating': 'Operating on Antrean',
	'coverage.col.code': 'Code',
	'coverage.col.name': 'Regency/city',
	'coverage.col.status': 'Status',
	'coverage.col.inaugurated': 'Inaugurated on',
	'coverage.col.mpps': 'MPPs on Antrean',
	'coverage.target.title': 'Yearly target',
	'coverage.target.regencies': 'Regencies and cities with an MPP by the end of the year',
	'coverage.target.save': 'Save target',
	'coverage.status.title': 'Change a regency or city',
	'coverage.status.intro':
		'"Operating on Antrean" follows by itself from an MPP registered with the region code. Every change is kept.',
	'coverage.status.code': 'Kemendagri region code',
	'coverage.status.save': 'Save status',
	'coverage.saved': 'Changes saved.'
};
