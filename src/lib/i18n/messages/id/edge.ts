// Bahasa Indonesia messages about edge nodes as the centre's pages show them (issue 13). Prefix 'edge.'.
export const edge = {
	'edge.offline.title': 'Edge tidak terhubung',
	'edge.offline.line': '{mpp} ({edge}): tidak terhubung sejak {since}, data sampai {through}.',
	'edge.offline.never': 'belum pernah',
	'edge.offline.none': 'belum ada',
	'edge.offline.note':
		'Loket di MPP tetap melayani; angka di halaman ini belum memuat kejadian setelah waktu itu dan akan lengkap sendiri setelah tersambung kembali.'
} as const;
