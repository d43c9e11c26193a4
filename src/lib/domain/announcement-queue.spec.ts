import { describe, expect, it } from 'vitest';
import { createAnnouncer } from './announcement-queue';

/** A fake speaker whose announcements end only when the test says so. */
function controllableSpeaker() {
	const log: string[] = [];
	const endings: (() => void)[] = [];
	const play = (item: string) =>
		new Promise<void>((resolve) => {
			log.push(`start ${item}`);
			endings.push(() => {
				log.push(`end ${item}`);
				resolve();
			});
		});
	const finishCurrent = async () => {
		endings.shift()?.();
		await new Promise((r) => setTimeout(r, 0));
	};
	return { log, play, finishCurrent };
}

describe('announcement queue', () => {
	it('plays back-to-back calls one after another, each whole, in arrival order', async () => {
		const speaker = controllableSpeaker();
		const announcer = createAnnouncer(speaker.play);
		void announcer.enqueue('A001');
		void announcer.enqueue('B002');
		void announcer.enqueue('A003');
		await new Promise((r) => setTimeout(r, 0));
		expect(speaker.log).toEqual(['start A001']);
		expect(announcer.pending).toBe(2);
		await speaker.finishCurrent();
		await speaker.finishCurrent();
		await speaker.finishCurrent();
		expect(speaker.log).toEqual([
			'start A001',
			'end A001',
			'start B002',
			'end B002',
			'start A003',
			'end A003'
		]);
		expect(announcer.playing).toBe(false);
	});

	it('moves on when one announcement fails, and reports it', async () => {
		const played: string[] = [];
		const errors: string[] = [];
		const announcer = createAnnouncer(
			async (item: string) => {
				if (item === 'bad') throw new Error('speech unavailable');
				played.push(item);
			},
			(_error, item) => errors.push(item)
		);
		await Promise.all([announcer.enqueue('A001'), announcer.enqueue('bad'), announcer.enqueue('A002')]);
		expect(played).toEqual(['A001', 'A002']);
		expect(errors).toEqual(['bad']);
	});

	it('a recall of the same number is announced again, not merged away', async () => {
		const played: string[] = [];
		const announcer = createAnnouncer(async (item: string) => void played.push(item));
		await Promise.all([announcer.enqueue('A001'), announcer.enqueue('A001')]);
		expect(played).toEqual(['A001', 'A001']);
	});
});
