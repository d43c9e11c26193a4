import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { realtimeDevPlugin } from './server/vite-plugin';

export default defineConfig({
	plugins: [sveltekit(), realtimeDevPlugin()],
	test: {
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['src/**/*.spec.ts'], environment: 'node' }
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/helpers/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
