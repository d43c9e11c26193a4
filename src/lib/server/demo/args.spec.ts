import { describe, expect, it } from 'vitest';
import { DemoArgsError, parseDemoArgs } from './args';

describe('npm run demo options', () => {
	it('defaults to port 3000 on this machine only, with the simulator on', () => {
		expect(parseDemoArgs([])).toEqual({
			port: 3000,
			host: '127.0.0.1',
			simulate: true,
			speed: 1,
			help: false
		});
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

	it.each([
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
