// The TV's sound: the remembered choice, the browser's autoplay state, and the announcement queue.
// Calls are announced one at a time through createAnnouncer, so back-to-back calls are each read
// out whole; `announcing` is the call being read out, which the board shows large meanwhile.
import { createAnnouncer } from '../domain/announcement-queue';
import { spokenCall } from '../domain/spoken-call';
import type { CallView } from '../realtime/events';
import { readSoundChoice, saveSoundChoice, type SoundChoice } from './sound-setting';
import { createVoice, type Voice } from './voice';

/** on: announcing · off: muted by choice · blocked: wanted, but the browser waits for a gesture */
export type SoundStatus = 'unknown' | 'on' | 'off' | 'blocked';

export class DisplaySound {
	status = $state<SoundStatus>('unknown');
	/** the choice made on this TV before (localStorage), null on its first day */
	remembered = $state<SoundChoice | null>(null);
	announcing = $state.raw<CallView | null>(null);

	#voice: Voice | null = null;
	#announcer = createAnnouncer<CallView>(
		(call) => this.#play(call),
		(error, call) => console.warn(`announcement of ${call.number} failed`, error)
	);

	/** In the browser, once: an autoplay-allowed kiosk browser needs no gesture at all. */
	start(): void {
		this.#voice = createVoice();
		this.remembered = readSoundChoice();
		if (this.remembered === 'off') this.status = 'off';
		else if (this.#voice.state === 'running') this.status = 'on';
		else this.status = 'blocked';
	}

	/** From a click or key press. */
	async enable(): Promise<void> {
		saveSoundChoice((this.remembered = 'on'));
		// speech may still work where Web Audio does not, so the choice wins over the answer
		await this.#voice?.unlock();
		this.status = 'on';
	}

	mute(): void {
		saveSoundChoice((this.remembered = 'off'));
		this.status = 'off';
	}

	announce(call: CallView): void {
		if (this.status === 'on') void this.#announcer.enqueue(call);
	}

	async #play(call: CallView): Promise<void> {
		this.announcing = call;
		try {
			await this.#voice?.announce(spokenCall(call.number, call.counterName));
		} finally {
			this.announcing = null;
		}
	}
}
