// English messages of the display screen; every key of id/display.ts must be here (checked in en.ts).
export const display = {
	'display.title': 'Queue display · {mpp}',
	'display.nowCalling': 'Now calling',
	'display.ticketNumber': 'Ticket number',
	'display.goTo': 'Please go to',
	'display.recall': 'Called again',
	'display.noCallsYet': 'No calls yet today',
	'display.noCallsHint': 'Please take a ticket at the kiosk and wait for your number to be called.',
	'display.recentCalls': 'Recent calls',
	'display.recentEmpty': 'Earlier calls will appear here.',
	'display.waiting': 'Waiting',
	'display.waitingTotal': '{count} people waiting',
	'display.waitingPeople': '{count} people',
	'display.waitingEmpty': 'No active services yet.',
	'display.clock': 'Local time',
	'display.live': 'Connected',
	'display.connecting': 'Connecting…',
	'display.reconnecting': 'Connection lost — reconnecting…',
	'display.reconnectingHint': 'The latest calls stay on screen; the display updates by itself.',
	'display.preview': 'Preview',
	'display.previewHint': 'Staff preview: this screen is not paired as a lobby display.',
	'display.filterActive': 'Screen filter: {codes}',
	'display.filterIgnored': 'Unknown filter codes ignored: {codes}',
	'display.runningText': 'Information',

	'display.sound.enable': 'Enable sound',
	'display.sound.heading': 'Enable call announcements',
	'display.sound.intro':
		'The browser blocks sound until the screen is touched. Press this button once so ticket numbers are announced aloud.',
	'display.sound.again': 'Sound was enabled before, but after a reload the browser asks for one more touch.',
	'display.sound.kioskHint':
		'For unattended TVs: start the browser with --autoplay-policy=no-user-gesture-required so sound starts by itself.',
	'display.sound.mute': 'Continue without sound',
	'display.sound.off': 'Sound off',
	'display.sound.on': 'Sound on',
	'display.sound.pending': 'Sound is not enabled yet — press the button to enable it',

	'display.denied.title': 'Screen not paired',
	'display.denied.heading': 'This screen is not paired',
	'display.denied.body':
		'The lobby queue display only shows on a TV paired by the MPP administrator, or to signed-in MPP staff.',
	'display.denied.ask':
		'Ask your MPP administrator to open the display pairing link on this TV. The TV then stays paired, even after a restart.',
	'display.denied.invalidLink':
		'This pairing link is not valid for this screen. Ask the MPP administrator for a new link.',
	'display.denied.staff': 'MPP staff? Sign in to see a preview.',
	'display.denied.login': 'Sign in',
	'display.notFound.title': 'MPP not found',
	'display.notFound.heading': 'MPP not found',
	'display.notFound.body': 'This display address does not point to an active MPP. Please check the link.',
	'display.error.heading': 'The display cannot be opened',
	'display.error.body': 'Something went wrong. Reload this page in a moment.'
};
