// The TV's voice (browser only): a two-tone "ding-dong" synthesised with Web Audio, then the call
// spoken by the Web Speech API in Indonesian (DOMAIN §5). No audio files to download or cache.

export interface Voice {
	/** 'running' once the browser lets the page play sound (after a gesture, or by kiosk policy) */
	readonly state: AudioContextState | 'unsupported';
	/** Call from a user gesture: resumes audio and wakes speech. True when sound can play now. */
	unlock(): Promise<boolean>;
	/** Chime, then speech; resolves when both are over (never hangs: see `speak`). */
	announce(text: string): Promise<void>;
}

const LANG = 'id-ID';

export function createVoice(): Voice {
	const AudioContextClass = globalThis.AudioContext;
	// Created at once: in a kiosk browser started with an autoplay policy it is already running,
	// which is how the page knows it may skip the "enable sound" step.
	const context = AudioContextClass ? new AudioContextClass() : null;
	return {
		get state() {
			return context?.state ?? 'unsupported';
		},
		async unlock() {
			if (!context) return false;
			if (context.state !== 'running') await context.resume().catch(() => {});
			// Some engines only speak after a first utterance inside a gesture: a silent one wakes them.
			const synth = globalThis.speechSynthesis;
			if (synth) {
				const wake = new SpeechSynthesisUtterance(' ');
				wake.volume = 0;
				wake.lang = LANG;
				synth.speak(wake);
			}
			return context.state === 'running';
		},
		async announce(text) {
			if (context?.state === 'running') await chime(context);
			await speak(text);
		}
	};
}

/** Ding (E5) then dong (C5), bell-like: a sine with a quiet octave, fast attack, long decay. */
function chime(context: AudioContext): Promise<void> {
	const start = context.currentTime + 0.05;
	const master = context.createGain();
	master.gain.value = 0.5;
	master.connect(context.destination);
	const tones: [frequency: number, at: number][] = [
		[659.25, 0],
		[523.25, 0.55]
	];
	for (const [frequency, at] of tones) {
		for (const [multiple, level] of [
			[1, 1],
			[2, 0.25]
		]) {
			const oscillator = context.createOscillator();
			const gain = context.createGain();
			oscillator.type = 'sine';
			oscillator.frequency.value = frequency * multiple;
			gain.gain.setValueAtTime(0.0001, start + at);
			gain.gain.exponentialRampToValueAtTime(level, start + at + 0.02);
			gain.gain.exponentialRampToValueAtTime(0.0001, start + at + 1.3);
			oscillator.connect(gain).connect(master);
			oscillator.start(start + at);
			oscillator.stop(start + at + 1.35);
		}
	}
	// a timer rather than `onended`: a suspended context never ends its oscillators
	return new Promise((resolve) => setTimeout(resolve, 1700));
}

let current: SpeechSynthesisUtterance | null = null;

/**
 * Speaks and resolves on 'end' or 'error', or after a generous timeout: a TV without an Indonesian
 * voice, or an engine that never fires 'end', must not stall the announcement queue.
 */
function speak(text: string): Promise<void> {
	const synth = globalThis.speechSynthesis;
	if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return Promise.resolve();
	return new Promise((resolve) => {
		const utterance = new SpeechSynthesisUtterance(text);
		utterance.lang = LANG;
		const voice = indonesianVoice(synth);
		if (voice) utterance.voice = voice;
		// a little slower than conversation: a lobby is noisy and echoes
		utterance.rate = 0.9;
		const timer = setTimeout(
			() => {
				synth.cancel();
				done();
			},
			4000 + text.length * 120
		);
		function done() {
			clearTimeout(timer);
			if (current === utterance) current = null;
			resolve();
		}
		utterance.onend = done;
		utterance.onerror = done;
		// Chromium drops an utterance that is garbage-collected before it ends (and never fires
		// 'end'); holding it here keeps it alive.
		current = utterance;
		synth.speak(utterance);
	});
}

function indonesianVoice(synth: SpeechSynthesis): SpeechSynthesisVoice | undefined {
	const voices = synth.getVoices();
	const normalised = (lang: string) => lang.replace('_', '-').toLowerCase();
	return (
		voices.find((v) => normalised(v.lang) === 'id-id' && v.localService) ??
		voices.find((v) => normalised(v.lang) === 'id-id') ??
		voices.find((v) => normalised(v.lang).startsWith('id'))
	);
}
