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

	it('refuses paths that become another site once dot segments and encodings are resolved', () => {
		for (const target of [
			'/.//evil.example',
			'/./\\evil.example',
			'/a/..//evil.example',
			'/a/b/../..//evil.example',
			'/%2e%2e//evil.example',
			'/%2E/%2e%2E//evil.example',
			'/..//evil.example',
			'/.\\/evil.example',
			'/\\/evil.example',
			'\\\\evil.example',
			'/.//\tevil.example',
			'/\r\n//evil.example',
			'http:/evil.example',
			'https:evil.example',
			'//evil.example/%2e%2e',
			'/x?y#//z'.replace('/x', '//x')
		]) {
			expect(safeRedirectPath(target), target).toBeNull();
		}
	});

	it('normalises dot segments that stay on this site', () => {
		expect(safeRedirectPath('/manage/./jakarta')).toBe('/manage/jakarta');
		expect(safeRedirectPath('/admin/x/../people')).toBe('/admin/people');
		expect(safeRedirectPath('/%2e%2e/counter')).toBe('/counter');
		// an encoded slash stays encoded: a browser reads it as part of one path segment
		expect(safeRedirectPath('/%2f/evil.example')).toBe('/%2f/evil.example');
	});
});
