// Bahasa Indonesia messages of invitations, password links, national people and revoked devices
// (issue 6 "People" and "Devices").
export const accounts = {
	'admin.people.mode': 'Cara memberi akses',
	'admin.people.modeInvite': 'Kirim tautan undangan: orang itu memilih kata sandinya sendiri',
	'admin.people.modePassword': 'Tetapkan kata sandi sekarang',
	'admin.people.pending': 'Undangan belum diterima',
	'admin.people.link': 'Buat tautan kata sandi',
	'admin.people.linkHint':
		'Tautan berlaku {hours} jam dan hanya sekali pakai. Kata sandi lama tetap berlaku sampai tautan dipakai.',
	'admin.link.title.invite': 'Tautan undangan untuk {name}',
	'admin.link.title.reset': 'Tautan kata sandi baru untuk {name}',
	'admin.link.intro':
		'Kirim tautan ini kepada {name}, misalnya lewat WhatsApp atau email dinas. Tautan hanya ditampilkan sekali ini, berlaku sampai {until}, dan hanya dapat dipakai satu kali.',
	'admin.link.label': 'Tautan',
	'admin.link.copy': 'Salin tautan',
	'admin.link.copied': 'Tautan tersalin.',
	'admin.link.copyFailed': 'Tidak dapat menyalin otomatis. Pilih tautan lalu salin secara manual.',
	'admin.invalid.passwordMismatch': 'Kedua kata sandi tidak sama.',
	'admin.invalid.personInactive': 'Akun ini nonaktif. Aktifkan dulu akunnya.',
	'admin.invalid.deviceRevoked': 'Perangkat ini sudah dicabut; namanya tidak dapat diubah.',
	'admin.action.invited': 'diundang',
	'admin.field.passwordLink': 'Tautan kata sandi',
	'admin.devices.rename': 'Ubah nama',
	'admin.devices.newName': 'Nama baru',
	'admin.devices.renameLabel': 'Nama baru untuk {name}',
	'admin.national.title': 'Pengguna nasional',
	'admin.national.intro':
		'Administrator sistem dan staf kementerian. Mereka tidak terikat pada satu MPP: administrator sistem mengelola semua MPP, staf kementerian membaca statistik semua MPP tanpa data pribadi.',
	'admin.national.add': 'Tambah pengguna nasional',
	'admin.national.new': 'Pengguna nasional baru',
	'admin.national.none': 'Belum ada pengguna nasional.',
	'admin.national.back': 'Kembali ke daftar MPP',
	'invite.title': 'Pilih kata sandi',
	'invite.heading.invite': 'Selamat datang, {name}',
	'invite.heading.reset': 'Kata sandi baru untuk {name}',
	'invite.intro': 'Pilih kata sandi untuk akun {email}. Setelah disimpan, Anda langsung masuk.',
	'invite.password': 'Kata sandi',
	'invite.passwordHint':
		'Paling sedikit {min} karakter. Kalimat pendek yang mudah Anda ingat lebih baik daripada kata yang rumit.',
	'invite.confirm': 'Ulangi kata sandi',
	'invite.submit': 'Simpan dan masuk',
	'invite.submitting': 'Menyimpan…',
	'invite.expired.heading': 'Tautan ini sudah kedaluwarsa',
	'invite.expired.body':
		'Tautan undangan dan tautan kata sandi berlaku {hours} jam. Minta tautan baru kepada pengelola MPP atau administrator sistem.',
	'invite.used.heading': 'Tautan ini sudah dipakai',
	'invite.used.body':
		'Setiap tautan hanya dapat dipakai sekali. Jika Anda sudah memilih kata sandi, silakan masuk. Jika bukan Anda yang memakainya, segera hubungi pengelola MPP.',
	'invite.unknown.heading': 'Tautan ini tidak dikenal',
	'invite.unknown.body':
		'Periksa apakah tautannya tersalin utuh, atau minta tautan baru kepada pengelola MPP atau administrator sistem.',
	'invite.login': 'Ke halaman masuk',
	'device.revoked.heading': 'Perangkat ini dicabut — pasangkan ulang',
	'device.revoked.body':
		'Pengelola MPP telah mencabut perangkat ini, sehingga layar ini tidak lagi menerima data antrean.',
	'device.revoked.how':
		'Untuk memakainya lagi, tampilkan kode pemasangan baru dan minta pengelola MPP mengetiknya di Administrasi → Perangkat.',
	'device.revoked.pair': 'Tampilkan kode pemasangan'
} as const;
