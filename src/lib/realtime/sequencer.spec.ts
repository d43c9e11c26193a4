import { describe, expect, it } from 'vitest';
import { Sequencer } from './sequencer';

const ev = (seq: number) => ({ seq, label: `e${seq}` });
const seqs = (events: { seq: number }[]) => events.map((e) => e.seq);

describe('Sequencer', () => {
	it('holds events that arrive while the snapshot loads and applies only the newer ones', () => {
		const s = new Sequencer<ReturnType<typeof ev>>();
		expect(s.push(ev(4))).toEqual([]);
		expect(s.push(ev(6))).toEqual([]);
		expect(s.push(ev(5))).toEqual([]);
		// the snapshot already contains 4 and 5
		expect(seqs(s.start(5))).toEqual([6]);
		expect(s.seq).toBe(6);
		expect(s.gap).toBe(false);
	});

	it('applies events in seq order and drops duplicates and old ones', () => {
		const s = new Sequencer<ReturnType<typeof ev>>();
		s.start(10);
		expect(seqs(s.push(ev(11)))).toEqual([11]);
		expect(s.push(ev(11))).toEqual([]);
		expect(s.push(ev(9))).toEqual([]);
		expect(seqs(s.push(ev(12)))).toEqual([12]);
	});

	it('holds an out-of-order event until the missing one arrives', () => {
		const s = new Sequencer<ReturnType<typeof ev>>();
		s.start(0);
		expect(s.push(ev(2))).toEqual([]);
		expect(s.push(ev(3))).toEqual([]);
		expect(s.gap).toBe(true);
		expect(seqs(s.push(ev(1)))).toEqual([1, 2, 3]);
		expect(s.gap).toBe(false);
	});

	it('after a reset, a fresh snapshot discards what it already contains and keeps the rest', () => {
		const s = new Sequencer<ReturnType<typeof ev>>();
		s.start(0);
		s.push(ev(1));
		s.push(ev(3));
		expect(s.gap).toBe(true);
		s.reset();
		expect(s.seq).toBeNull();
		expect(s.gap).toBe(false);
		s.push(ev(5));
		expect(seqs(s.start(4))).toEqual([5]);
		expect(s.held).toBe(0);
	});

	it('still reports a gap when the snapshot is older than the held events', () => {
		const s = new Sequencer<ReturnType<typeof ev>>();
		s.push(ev(8));
		expect(s.start(6)).toEqual([]);
		expect(s.gap).toBe(true);
		expect(seqs(s.push(ev(7)))).toEqual([7, 8]);
	});
});
