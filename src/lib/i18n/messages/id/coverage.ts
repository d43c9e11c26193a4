// Bahasa Indonesia messages of the ministry's coverage page (issue 14). Prefix 'coverage.'.
export const coverage = {
	'coverage.tab': 'Cakupan',
	'coverage.title': 'Cakupan MPP di kabupaten/kota',
	'coverage.intro':
		'Target program: satu MPP di setiap kabupaten/kota (514). Kabupaten/kota dihitung memiliki MPP bila MPP-nya sudah diresmikan atau sudah beroperasi di Antrean.',
	'coverage.headline': '{without} dari {regions} kabupaten/kota belum memiliki MPP.',
	'coverage.targetLine':
		'Target {year}: {target} kabupaten/kota memiliki MPP; tercapai {withMpp}, kurang {remaining}.',
	'coverage.noTarget': 'Belum ada target untuk {year}.',
	'coverage.year': 'Tahun',
	'coverage.show': 'Tampilkan',
	'coverage.csv': 'Unduh CSV',
	'coverage.province': 'Provinsi',
	'coverage.allProvinces': 'Pilih provinsi untuk melihat kabupaten/kotanya',
	'coverage.col.regions': 'Kab./kota',
	'coverage.col.withMpp': 'Memiliki MPP',
	'coverage.col.withoutMpp': 'Belum ada MPP',
	'coverage.status.none': 'Belum ada MPP',
	'coverage.status.planned': 'Direncanakan',
	'coverage.status.building': 'Sedang dibangun',
	'coverage.status.inaugurated': 'Sudah diresmikan',
	'coverage.status.operating': 'Beroperasi di Antrean',
	'coverage.col.code': 'Kode',
	'coverage.col.name': 'Kabupaten/kota',
	'coverage.col.status': 'Status',
	'coverage.col.inaugurated': 'Tanggal peresmian',
	'coverage.col.mpps': 'MPP di Antrean',
	'coverage.target.title': 'Target tahunan',
	'coverage.target.regencies': 'Kabupaten/kota dengan MPP pada akhir tahun',
	'coverage.target.save': 'Simpan target',
	'coverage.status.title': 'Ubah status kabupaten/kota',
	'coverage.status.intro':
		'Status "Beroperasi di Antrean" mengikuti sendiri dari MPP yang terdaftar dengan kode wilayahnya. Setiap perubahan tercatat.',
	'coverage.status.code': 'Kode wilayah Kemendagri',
	'coverage.status.save': 'Simpan status',
	'coverage.saved': 'Perubahan tersimpan.'
} as const;
