import { describe, expect, it } from 'vitest';
import { DemoArgsError, parseDemoArgs } from './args';

describe('npm run demo options', () => {
	it('defaults to port 3000 on this machine only, with the simulator on', () => {
		expect(parseDemoArgs([])).toEqual({
			port: 3000,
			host: '127.0.0.1',
			simulate: true,
			speed: 1,
			officeHours: false,
			edge: false,
			help: false
		});
	});

	it('starts an edge for MPP Jayapura with --edge, and refuses a value for it', () => {
		expect(parseDemoArgs(['--edge', '--port', '4000'])).toMatchObject({ edge: true, port: 4000 });
		expect(() => parseDemoArgs(['--edge=yes'])).toThrow(DemoArgsError);
	});

	it('reads PORT and HOST, and lets --port win', () => {
		expect(parseDemoArgs([], { PORT: '4000', HOST: '0.0.0.0' })).toMatchObject({
			port: 4000,
			host: '0.0.0.0'
		});
		expect(parseDemoArgs(['--port', '5000'], { PORT: '4000' }).port).toBe(5000);
		expect(parseDemoArgs(['--port=5001']).port).toBe(5001);
	});

	it('accepts --no-simulate and a positive --speed', () => {
		expect(parseDemoArgs(['--no-simulate', '--speed', '2.5'])).toMatchObject({ simulate: false, speed: 2.5 });
		expect(parseDemoArgs(['--speed=600']).speed).toBe(600);
	});

	it('issues at any hour by default, and keeps the real opening hours with --office-hours', () => {
		expect(parseDemoArgs([]).officeHours).toBe(false);
		expect(parseDemoArgs(['--office-hours']).officeHours).toBe(true);
		expect(parseDemoArgs(['--speed', '5', '--office-hours', '--no-simulate'])).toMatchObject({
			officeHours: true,
			speed: 5,
			simulate: false
		});
	});

	it.each([
		[['--office-hours=yes']],
		[['--speed', '0']],
		[['--speed', '-1']],
		[['--speed', '601']],
		[['--speed', 'fast']],
		[['--speed']],
		[['--port', '70000']],
		[['--port', 'abc']],
		[['--simulate-faster']]
	])('refuses %j with a readable message', (argv) => {
		expect(() => parseDemoArgs(argv)).toThrow(DemoArgsError);
	});
});
