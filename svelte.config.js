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
		csrf: { trustedOrigins: [] },
		// SvelteKit adds a nonce (rendered pages) or a hash (prerendered ones) to script-src and
		// style-src for what it inlines itself; nothing else inline may run. Style attributes stay
		// allowed (style-src-attr): Svelte's style: directives and Chart.js size elements with them.
		// 'self' in connect-src covers ws:/wss: to this host (CSP 3), which is socket.io's transport.
		// The other headers (HSTS, Permissions-Policy) are in src/lib/server/security-headers.ts.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['self']
			}
		}
	}
};

export default config;
