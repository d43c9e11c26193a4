import { describe, expect, it } from 'vitest';
import { formatDemoBanner } from './banner';

const devices = ['bandung', 'denpasar', 'jayapura'].map((slug) => ({
	slug,
	tokens: { display: `tv-${slug}`, kiosk: `kiosk-${slug}`, feedback: `tablet-${slug}` }
}));

describe('the demo banner', () => {
	it('sends an edge-served MPP’s hall devices to the edge, and its managers to the centre', () => {
		const banner = formatDemoBanner({
			baseUrl: 'http://localhost:3000',
			devices: devices as never,
			database: 'embedded',
			edge: { slug: 'jayapura', baseUrl: 'http://localhost:3001' }
		});
		expect(banner).toContain('http://localhost:3001/kiosk/jayapura?device=kiosk-jayapura');
		expect(banner).toContain('http://localhost:3000/manage/jayapura');
		expect(banner).toContain('type c + Enter to cut it');
		// the other MPPs' halls stay on the centre
		expect(banner).toContain('http://localhost:3000/kiosk/bandung?device=kiosk-bandung');
	});

	it('mentions no edge without --edge', () => {
		const banner = formatDemoBanner({
			baseUrl: 'http://localhost:3000',
			devices: devices as never,
			database: 'x'
		});
		expect(banner).not.toContain('Edge');
		expect(banner).toContain('http://localhost:3000/kiosk/jayapura?device=kiosk-jayapura');
	});
});
