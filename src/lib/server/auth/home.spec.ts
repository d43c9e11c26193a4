import { describe, expect, it } from 'vitest';
import { homePath, safeRedirectPath } from './home';

describe('homePath', () => {
	it('sends each role to its own start page', () => {
		expect(homePath('operator', 'jakarta')).toBe('/counter');
		expect(homePath('mpp_admin', 'jakarta')).toBe('/manage/jakarta');
		expect(homePath('supervisor', 'makassar')).toBe('/manage/makassar');
		expect(homePath('ministry', null)).toBe('/ministry');
		expect(homePath('superadmin', null)).toBe('/admin');
	});
});

describe('safeRedirectPath', () => {
	it('keeps paths on this site, with their query and fragment', () => {
		expect(safeRedirectPath('/manage/jakarta?day=2025-01-02#kpi')).toBe('/manage/jakarta?day=2025-01-02#kpi');
		expect(safeRedirectPath('/')).toBe('/');
	});

	it('refuses anything that could lead to another site', () => {
		for (const target of [
			'//evil.example',
			'/\\evil.example',
			'https://evil.example/',
			'javascript:alert(1)',
			'evil.example',
			'/\t/evil.example',
			'/\n/evil.example',
			'',
			null,
			undefined
		]) {
			expect(safeRedirectPath(target), String(target)).toBeNull();
		}
	});
});
