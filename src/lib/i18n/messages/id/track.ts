// Bahasa Indonesia messages of the citizen's tracking page (/t/<code>). Keys are prefixed 'track.'.
export const track = {
	'track.title': 'Nomor antrean {number}',
	'track.number': 'Nomor antrean',
	'track.service': 'Layanan',
	'track.tenant': 'Instansi',
	'track.issuedAt': 'Diambil',
	'track.code': 'Kode tiket',
	'track.status.waiting': 'Menunggu panggilan',
	'track.status.called': 'Giliran Anda!',
	'track.status.serving': 'Sedang dilayani',
	'track.status.done': 'Selesai dilayani',
	'track.status.no_show': 'Tidak hadir saat dipanggil',
	'track.status.cancelled': 'Nomor dibatalkan',
	'track.status.expired': 'Hari layanan sudah berakhir',
	'track.position': 'Posisi Anda',
	'track.position.value': 'ke-{position}',
	'track.ahead': '{count} orang di depan Anda',
	'track.next': 'Anda berikutnya',
	'track.estimate': 'Perkiraan menunggu',
	'track.estimate.value': '± {minutes} menit',
	'track.estimate.soon': 'Sebentar lagi',
	'track.called.goTo': 'Silakan menuju',
	'track.called.again': 'Dipanggil {count} kali. Segera menuju loket.',
	'track.serving.body': 'Anda sedang dilayani di {counter}.',
	'track.done.body': 'Terima kasih atas kunjungan Anda ke {mpp}.',
	'track.noShow.body':
		'Nomor Anda dipanggil {count} kali, tetapi Anda tidak datang ke loket. Silakan hubungi petugas informasi atau ambil nomor baru.',
	'track.cancelled.body':
		'Nomor antrean ini telah dibatalkan. Bila menurut Anda ini keliru, silakan hubungi petugas informasi.',
	'track.expired.body':
		'Nomor ini diambil {issued} dan hanya berlaku pada hari itu. Hari layanan itu sudah berakhir sebelum nomor Anda selesai dilayani, sehingga nomor ini ditutup dan tidak dipanggil lagi. Silakan ambil nomor baru saat MPP buka.',
	'track.keepOpen':
		'Biarkan halaman ini terbuka. Layar berubah dan ponsel bergetar saat nomor Anda dipanggil.',
	'track.connecting': 'Menghubungkan…',
	'track.live': 'Diperbarui otomatis',
	'track.reconnecting': 'Menyambung ulang… data mungkin belum terbaru',
	'track.notify.button': 'Beri tahu saya saat dipanggil',
	'track.notify.on': 'Pemberitahuan aktif: Anda akan diberi tahu saat dipanggil.',
	'track.notify.denied': 'Pemberitahuan diblokir di peramban ini. Biarkan halaman ini tetap terbuka.',
	'track.notify.unsupported':
		'Peramban ini tidak mendukung pemberitahuan. Biarkan halaman ini tetap terbuka.',
	'track.notify.title': 'Nomor {number} dipanggil',
	'track.notify.body': 'Silakan menuju {counter}.',
	'track.survey.invite.title': 'Bagaimana pelayanan kami?',
	'track.survey.invite.body': 'Sembilan pertanyaan singkat. Jawaban Anda membantu kami melayani lebih baik.',
	'track.survey.invite.button': 'Isi survei kepuasan (1\u00a0menit)',
	'track.survey.answered.title': 'Terima kasih, penilaian Anda sudah kami terima.',
	'track.survey.answered.body': 'Jawaban Anda membantu kami memperbaiki pelayanan.',
	'track.survey.closed.title': 'Survei untuk tiket ini sudah ditutup.',
	'track.survey.closed.body': 'Survei dapat diisi sampai akhir hari berikutnya setelah pelayanan selesai.',
	'track.notFound.title': 'Nomor antrean tidak ditemukan',
	'track.notFound.body':
		'Kode pada alamat ini tidak dikenal. Periksa kembali kode tiket yang tercetak di bawah kode QR, atau pindai ulang kode QR-nya.',
	'track.tooMany.body':
		'Terlalu banyak nomor antrean tidak dikenal yang dibuka dari perangkat ini. Periksa kode di karcis Anda dan coba lagi beberapa menit lagi.',
	'track.notFound.error': 'Maaf, halaman ini sedang mengalami gangguan. Silakan coba lagi sebentar lagi.'
} as const;
