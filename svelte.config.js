import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
		// Forms keep SvelteKit's origin check; the JSON API is protected by session cookies being
		// SameSite=Lax plus the check in hooks.server.ts, and by bearer tokens for other systems.
		csrf: { trustedOrigins: [] }
	}
};

export default config;
