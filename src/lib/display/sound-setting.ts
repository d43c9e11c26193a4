// Whether this TV was set to speak: remembered in localStorage so a rebooted TV keeps its choice.
// (Chromium still needs one gesture per page load unless started with an autoplay policy.)
export type SoundChoice = 'on' | 'off';

const KEY = 'antrean.display.sound';

export function readSoundChoice(): SoundChoice | null {
	try {
		const value = localStorage.getItem(KEY);
		return value === 'on' || value === 'off' ? value : null;
	} catch {
		// storage disabled (private mode, locked-down TV browser): ask again each time
		return null;
	}
}

export function saveSoundChoice(choice: SoundChoice): void {
	try {
		localStorage.setItem(KEY, choice);
	} catch {
		// see readSoundChoice
	}
}
