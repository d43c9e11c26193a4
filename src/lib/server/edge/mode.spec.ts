import { describe, expect, it } from 'vitest';
import { readServerMode } from './mode';

const token = 'abcdefghijklmnopqrstuvwx234567ab';

describe('readServerMode', () => {
	it('is central when nothing is set', () => {
		expect(readServerMode({})).toEqual({ mode: 'central' });
	});

	it('reads a complete edge configuration', () => {
		expect(
			readServerMode({
				ANTREAN_MODE: 'edge',
				ANTREAN_CENTRAL_URL: 'https://pusat.example.go.id/',
				ANTREAN_EDGE_TOKEN: token,
				ANTREAN_EDGE_MPP: 'mpp-jayapura'
			})
		).toEqual({ mode: 'edge', centralUrl: 'https://pusat.example.go.id', token, mppSlug: 'mpp-jayapura' });
	});

	it('names an unknown mode', () => {
		expect(() => readServerMode({ ANTREAN_MODE: 'edgy' })).toThrow(
			'ANTREAN_MODE must be "central" or "edge"'
		);
	});

	it('says which edge variables are missing or wrong', () => {
		expect(() =>
			readServerMode({ ANTREAN_MODE: 'edge', ANTREAN_CENTRAL_URL: 'ftp://x', ANTREAN_EDGE_TOKEN: token })
		).toThrow(/ANTREAN_CENTRAL_URL.*ANTREAN_EDGE_MPP/);
	});
});
