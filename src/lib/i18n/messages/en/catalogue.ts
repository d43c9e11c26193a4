// National service catalogue messages (/ministry/catalogue, issue 14).
import type { Catalogue } from '../../catalogue';

export const catalogue = {
	'catalogue.tab': 'Service catalogue',
	'catalogue.title': 'National service catalogue',
	'catalogue.intro':
		'The standard services MPPs are compared by. Every MPP maps its services to one of these standard services.',
	'catalogue.add': 'Add standard service',
	'catalogue.new': 'New standard service',
	'catalogue.edit': 'Edit standard service',
	'catalogue.code': 'Code',
	'catalogue.codeHint':
		'Capital letters, digits or underscores, e.g. KTP_EL. The code cannot change once saved.',
	'catalogue.name': 'Service name',
	'catalogue.agency': 'Responsible ministry or agency',
	'catalogue.agencyHint': 'For example Dukcapil (Kemendagri), Polri, Imigrasi, BPJS Kesehatan.',
	'catalogue.mou': 'Under a memorandum of understanding (MoU) with a ministry or agency',
	'catalogue.mouShort': 'MoU',
	'catalogue.mouYes': 'Yes',
	'catalogue.mouNo': 'No',
	'catalogue.mpps': 'MPPs mapping it',
	'catalogue.count': '{count} standard services, {active} active.',
	'catalogue.none': 'No standard services yet.',
	'catalogue.export': 'Export CSV',
	'catalogue.importTitle': 'Import CSV',
	'catalogue.importHint':
		'Columns: code, name, agency, mou (yes/no), active (yes/no). Lines match by code: new codes are added, existing ones updated, nothing is deleted.',
	'catalogue.import.yesNo': 'Write yes or no.',
	'catalogue.import.repeated': 'This code is already on line {line}.',
	'catalogue.service.back': 'Back to the catalogue',
	'catalogue.service.lacking': 'MPPs without this service',
	'catalogue.service.lackingIntro': 'Active MPPs with no active service mapped to {name}.',
	'catalogue.service.lackingCount': '{count} MPPs do not offer this service yet.',
	'catalogue.service.lackingNone': 'Every active MPP offers this service.',
	'catalogue.service.lackingCsv': 'Download the MPP list (CSV)',
	'catalogue.service.mpp': 'MPP',
	'catalogue.service.province': 'Province',
	'catalogue.service.city': 'Regency/city',
	'catalogue.service.inactive': 'This standard service is inactive.',
	'catalogue.service.figures': 'Figures per MPP and province',
	'catalogue.service.figuresIntro':
		'From the statistics rollups of the services mapped to this standard service; each MPP counts by its own local dates. National percentiles come from every ticket, not from averages of averages.',
	'catalogue.service.period': '{from} – {to}',
	'catalogue.service.figuresCsv': 'Download figures (CSV)',
	'catalogue.service.national': 'National',
	'catalogue.service.byProvince': 'By province',
	'catalogue.service.byMpp': 'By MPP',
	'catalogue.service.noMpps': 'No MPP maps a service to this standard service yet.',
	'catalogue.col.waitP50': 'Median wait (min)',
	'catalogue.col.serviceAvg': 'Mean service time (min)',
	'catalogue.col.serviceP50': 'Median service time (min)',
	'catalogue.col.level': 'Level'
} satisfies Partial<Catalogue>;
