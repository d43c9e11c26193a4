// Pesan katalog layanan nasional (/ministry/catalogue, issue 14).
export const catalogue = {
	'catalogue.tab': 'Katalog layanan',
	'catalogue.title': 'Katalog layanan nasional',
	'catalogue.intro':
		'Layanan standar yang dipakai untuk membandingkan MPP. Setiap MPP memetakan layanannya ke salah satu layanan standar.',
	'catalogue.add': 'Tambah layanan standar',
	'catalogue.new': 'Layanan standar baru',
	'catalogue.edit': 'Ubah layanan standar',
	'catalogue.code': 'Kode',
	'catalogue.codeHint':
		'Huruf besar, angka, atau garis bawah, misalnya KTP_EL. Kode tidak dapat diubah setelah disimpan.',
	'catalogue.name': 'Nama layanan',
	'catalogue.agency': 'Kementerian/lembaga penanggung jawab',
	'catalogue.agencyHint': 'Misalnya Dukcapil (Kemendagri), Polri, Imigrasi, BPJS Kesehatan.',
	'catalogue.mou': 'Termasuk nota kesepahaman (MoU) dengan kementerian/lembaga',
	'catalogue.mouShort': 'MoU',
	'catalogue.mouYes': 'Ya',
	'catalogue.mouNo': 'Tidak',
	'catalogue.mpps': 'MPP yang memetakan',
	'catalogue.count': '{count} layanan standar, {active} aktif.',
	'catalogue.none': 'Belum ada layanan standar.',
	'catalogue.export': 'Ekspor CSV',
	'catalogue.importTitle': 'Impor CSV',
	'catalogue.importHint':
		'Kolom: code, name, agency, mou (ya/tidak), active (ya/tidak). Baris dicocokkan menurut kode: kode baru ditambahkan, kode yang ada diperbarui, tidak ada yang dihapus.',
	'catalogue.import.yesNo': 'Isi ya atau tidak.',
	'catalogue.import.repeated': 'Kode ini sudah ada di baris {line}.',
	'catalogue.service.back': 'Kembali ke katalog',
	'catalogue.service.lacking': 'MPP yang belum memiliki layanan ini',
	'catalogue.service.lackingIntro': 'MPP aktif yang tidak memiliki layanan aktif yang dipetakan ke {name}.',
	'catalogue.service.lackingCount': '{count} MPP belum memiliki layanan ini.',
	'catalogue.service.lackingNone': 'Semua MPP aktif memiliki layanan ini.',
	'catalogue.service.lackingCsv': 'Unduh CSV',
	'catalogue.service.mpp': 'MPP',
	'catalogue.service.province': 'Provinsi',
	'catalogue.service.city': 'Kabupaten/kota',
	'catalogue.service.inactive': 'Layanan standar ini nonaktif.'
} as const;
