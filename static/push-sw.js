// The tracking page's service worker (issue 12): shows the pushes the server sends for a ticket
// ("3 orang lagi di depan Anda", "Dipanggil: silakan ke Loket 3") while the page is closed, and
// opens the tracking page when one is tapped. Plain JavaScript in static/ rather than
// src/service-worker.ts, which SvelteKit would register on every page, TVs and kiosks included.

self.addEventListener('push', (event) => {
	let message;
	try {
		message = event.data ? event.data.json() : null;
	} catch {
		return;
	}
	if (!message || typeof message.title !== 'string') return;
	event.waitUntil(
		self.registration.showNotification(message.title, {
			body: message.body,
			tag: message.tag,
			// a newer message of the same ticket replaces the older one, and still buzzes
			renotify: true,
			vibrate: [600, 200, 600, 200, 900],
			data: { url: message.url }
		})
	);
});

self.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const url = new URL(event.notification.data?.url ?? '/', self.location.origin);
	// only our own pages: a payload never sends the citizen elsewhere
	if (url.origin !== self.location.origin) return;
	event.waitUntil(
		self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
			const open = windows.find((window) => window.url === url.href);
			return open ? open.focus() : self.clients.openWindow(url.href);
		})
	);
});
