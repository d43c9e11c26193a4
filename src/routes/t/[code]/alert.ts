// Getting a citizen's attention when their number is called: vibration, a two-tone chime and a
// system notification, each only where the browser allows it. Notifications and sound need a tap
// first (browsers block both otherwise), which is why the page asks with a button, not on load.

let audio: AudioContext | undefined;

export function notificationState(): NotificationPermission | 'unsupported' {
	return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Called from the button's click: asks for notifications and unlocks sound in the same gesture. */
export async function enableAlerts(): Promise<NotificationPermission | 'unsupported'> {
	try {
		audio ??= new AudioContext();
		void audio.resume();
	} catch {
		// no Web Audio: vibration and the screen still work
	}
	if (typeof Notification === 'undefined') return 'unsupported';
	return Notification.requestPermission();
}

export async function alertCalled(title: string, body: string, tag: string): Promise<void> {
	navigator.vibrate?.([600, 200, 600, 200, 900]);
	chime();
	if (notificationState() !== 'granted') return;
	const options = { body, tag, requireInteraction: true } as NotificationOptions;
	try {
		// Android Chrome only shows notifications through a service worker registration
		const registration = await navigator.serviceWorker?.getRegistration();
		if (registration) await registration.showNotification(title, options);
		else new Notification(title, options);
	} catch {
		// the page itself already shows the call
	}
}

function chime() {
	if (!audio || audio.state !== 'running') return;
	const start = audio.currentTime;
	for (const [i, frequency] of [880, 660].entries()) {
		const osc = audio.createOscillator();
		const gain = audio.createGain();
		osc.frequency.value = frequency;
		gain.gain.setValueAtTime(0.0001, start + i * 0.45);
		gain.gain.exponentialRampToValueAtTime(0.4, start + i * 0.45 + 0.03);
		gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.45 + 0.42);
		osc.connect(gain).connect(audio.destination);
		osc.start(start + i * 0.45);
		osc.stop(start + i * 0.45 + 0.45);
	}
}
