import { describe, expect, it } from 'vitest';
import { describeError } from './errors';

describe('describeError', () => {
	const engine = {
		code: 'call_limit_not_reached',
		message: 'Tiket A001 baru dipanggil 1 kali. Panggil ulang 2 kali lagi sebelum menandai tidak hadir.'
	};

	it('shows the engine’s own Indonesian words, which name the ticket', () => {
		expect(describeError('id', engine)).toBe(engine.message);
	});

	it('shows the catalogue’s words in English', () => {
		expect(describeError('en', engine)).toBe('The call limit is not reached yet. Recall first.');
		expect(describeError('en', { code: 'counter_not_open', message: 'Loket 1 sedang tutup.' })).toBe(
			'The counter is on break or closed. Open it first.'
		);
	});

	it('words access and network refusals from the catalogue in every language', () => {
		expect(describeError('id', { code: 'network' })).toBe(
			'Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.'
		);
		expect(describeError('id', { code: 'read_only', message: 'x' })).toContain('supervisor');
	});

	it('falls back to the server’s message, then to a generic one', () => {
		expect(describeError('en', { code: 'same_service', message: 'Sudah di layanan ini.' })).toBe(
			'Sudah di layanan ini.'
		);
		expect(describeError('en', { code: 'internal' })).toBe('Something went wrong. Please try again.');
	});
});
