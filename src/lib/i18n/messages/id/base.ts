// Bahasa Indonesia texts for the base catalogue (app, language, roles, login, logout, how fresh statistics are).
export const base = {
	'app.name': 'Antrean',
	'app.tagline': 'Sistem antrean Mal Pelayanan Publik',
	'app.signOut': 'Keluar',
	'app.error.toHome': 'Ke halaman awal Anda',
	'app.error.otherAccount': 'Masuk dengan akun lain',
	'app.timeout.title': 'Terlalu berat',
	'app.timeout.body':
		'Permintaan ini terlalu berat untuk dijawab sekarang. Coba rentang tanggal yang lebih pendek.',
	'app.unavailable.title': 'Sebentar lagi',
	'app.unavailable.body':
		'Layanan sedang tersambung kembali ke basis datanya. Halaman ini memuat ulang sendiri dalam beberapa detik.',

	'lang.label': 'Bahasa',
	'lang.switchTo': 'Ganti bahasa ke {language}',

	'role.superadmin': 'Administrator sistem',
	'role.ministry': 'Kementerian',
	'role.mpp_admin': 'Pengelola MPP',
	'role.supervisor': 'Supervisor',
	'role.operator': 'Petugas loket',

	'login.title': 'Masuk',
	'login.heading': 'Masuk ke Antrean',
	'login.intro': 'Untuk petugas loket, pengelola MPP, dan kementerian.',
	'login.email': 'Email',
	'login.password': 'Kata sandi',
	'login.submit': 'Masuk',
	'login.submitting': 'Memproses…',
	'login.help': 'Lupa kata sandi? Hubungi pengelola MPP Anda.',
	'login.error.invalid': 'Email atau kata sandi salah.',
	'login.error.missing': 'Isi email dan kata sandi.',
	'login.error.tooMany': 'Terlalu banyak percobaan masuk. Coba lagi dalam {minutes} menit.',
	'login.error.tooManySeconds': 'Terlalu banyak percobaan masuk. Coba lagi dalam {seconds} detik.',
	'login.signedOut': 'Anda telah keluar.',

	'logout.title': 'Keluar',
	'logout.question': 'Keluar dari Antrean di perangkat ini?',
	'logout.signedInAs': 'Anda masuk sebagai {name} ({role}).',
	'logout.notSignedIn': 'Anda belum masuk.',
	'logout.submit': 'Keluar',
	'logout.cancel': 'Batal',
	'logout.toLogin': 'Ke halaman masuk',
	'freshness.live': 'Data langsung (live)',
	'freshness.asOf': 'Data per {time} {zone}',
	'freshness.unknown': 'Data dari salinan basis data; waktunya belum diketahui',
	'freshness.note': 'Statistik dibaca dari salinan basis data, yang bisa tertinggal sebentar.',
	'freshness.unavailable': 'Salinan data statistik sedang tidak dapat dihubungi. Coba lagi sebentar lagi.'
} as const;
