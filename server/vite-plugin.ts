// Dev only: the database and socket.io on Vite's own http.Server, so `npm run dev` behaves like
// production (server/index.ts). Nothing starts during `vite build` or vitest.
import type { Plugin } from 'vite';

export function realtimeDevPlugin(): Plugin {
	return {
		name: 'antrean-realtime',
		apply: 'serve',
		async configureServer(server) {
			// vitest also runs serve plugins; middleware mode has no http.Server of its own
			const httpServer = server.httpServer;
			if (process.env.VITEST || !httpServer) return;
			// loaded lazily so that reading vite.config.ts never loads the database or socket.io
			const { startDatabase, migrate } = await import('./database');
			const { attachRealtime } = await import('./realtime');
			const database = await startDatabase();
			await migrate(database.url);
			// before any SvelteKit module runs: getSql() reads it on first use
			process.env.DATABASE_URL = database.url;
			// Vite's HMR shares this server's WebSocket upgrades
			attachRealtime(httpServer as import('node:http').Server, { destroyUpgrade: false });
			httpServer.once('close', () => void database.stop());
		}
	};
}
