// Bahasa Indonesia messages of the display screen. Keys are prefixed 'display.'.
export const display = {
	'display.title': 'Layar antrean · {mpp}',
	'display.nowCalling': 'Panggilan',
	'display.ticketNumber': 'Nomor antrean',
	'display.goTo': 'Silakan menuju',
	'display.recall': 'Panggilan ulang',
	'display.noCallsYet': 'Belum ada panggilan hari ini',
	'display.noCallsHint': 'Silakan ambil nomor antrean di kios dan tunggu nomor Anda dipanggil.',
	'display.recentCalls': 'Panggilan terakhir',
	'display.recentEmpty': 'Panggilan sebelumnya akan tampil di sini.',
	'display.waiting': 'Menunggu',
	'display.waitingTotal': '{count} orang menunggu',
	'display.waitingPeople': '{count} orang',
	'display.waitingEmpty': 'Belum ada layanan aktif.',
	'display.clock': 'Waktu setempat',
	'display.live': 'Tersambung',
	'display.connecting': 'Menyambung…',
	'display.reconnecting': 'Koneksi terputus — menyambung ulang…',
	'display.reconnectingHint': 'Panggilan terakhir tetap tampil; layar diperbarui otomatis.',
	'display.preview': 'Pratinjau',
	'display.previewHint': 'Pratinjau petugas: layar ini belum dipasangkan sebagai layar lobi.',
	'display.filterActive': 'Filter layar: {codes}',
	'display.filterIgnored': 'Kode filter tidak dikenal diabaikan: {codes}',
	'display.runningText': 'Informasi',

	'display.sound.enable': 'Aktifkan suara',
	'display.sound.heading': 'Aktifkan suara panggilan',
	'display.sound.intro':
		'Peramban memblokir suara sampai layar disentuh. Tekan tombol ini sekali agar nomor antrean diumumkan dengan suara.',
	'display.sound.again':
		'Suara sudah diaktifkan sebelumnya, tetapi setelah layar dimuat ulang peramban meminta satu sentuhan lagi.',
	'display.sound.kioskHint':
		'Untuk TV tanpa pengawasan: jalankan peramban dengan --autoplay-policy=no-user-gesture-required agar suara langsung aktif.',
	'display.sound.mute': 'Lanjut tanpa suara',
	'display.sound.off': 'Suara mati',
	'display.sound.on': 'Suara aktif',
	'display.sound.pending': 'Suara belum aktif — tekan tombol untuk mengaktifkan',

	'display.denied.title': 'Layar belum dipasangkan',
	'display.denied.heading': 'Layar ini belum dipasangkan',
	'display.denied.body':
		'Layar antrean lobi hanya tampil di TV yang sudah dipasangkan oleh pengelola MPP, atau untuk petugas MPP yang sudah masuk.',
	'display.denied.ask':
		'Minta pengelola MPP Anda membuka tautan pemasangan layar di TV ini. Setelah itu TV tetap terpasang walaupun dinyalakan ulang.',
	'display.denied.invalidLink':
		'Tautan pemasangan ini tidak berlaku untuk layar ini. Minta tautan baru kepada pengelola MPP.',
	'display.denied.staff': 'Petugas MPP? Masuk untuk melihat pratinjau.',
	'display.denied.login': 'Masuk',
	'display.notFound.title': 'MPP tidak ditemukan',
	'display.notFound.heading': 'MPP tidak ditemukan',
	'display.notFound.body': 'Alamat layar ini tidak menunjuk ke MPP yang aktif. Periksa kembali tautannya.',
	'display.error.heading': 'Layar tidak dapat dibuka',
	'display.error.body': 'Terjadi kesalahan. Muat ulang halaman ini beberapa saat lagi.'
} as const;
