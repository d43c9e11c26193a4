// Orders one MPP's events by `seq` against a snapshot, independent of Svelte and socket.io.
// Events can arrive out of order (two requests publish right after their commits, or two nodes
// relay through PostgreSQL) and can be lost (a node dies between commit and publish); the caller
// holds a gap briefly, then resyncs from a fresh snapshot.

export class Sequencer<T extends { seq: number }> {
	#seq: number | null = null;
	#held = new Map<number, T>();

	/** The seq of the state the caller has, or null while waiting for a snapshot. */
	get seq(): number | null {
		return this.#seq;
	}

	/** Events received but not yet applicable. */
	get held(): number {
		return this.#held.size;
	}

	/** Synced, yet holding events because an earlier one has not arrived. */
	get gap(): boolean {
		return this.#seq !== null && this.#held.size > 0;
	}

	/** Forget the position (disconnect, resync): events are held until the next `start`. */
	reset(): void {
		this.#seq = null;
	}

	/** The caller now has the state after `snapshotSeq`; returns held events to apply, in order. */
	start(snapshotSeq: number): T[] {
		this.#seq = snapshotSeq;
		for (const seq of this.#held.keys()) if (seq <= snapshotSeq) this.#held.delete(seq);
		return this.#drain();
	}

	/** Returns the events that can be applied now, in order: none, this one, or this one and held ones. */
	push(event: T): T[] {
		if (this.#seq !== null && event.seq <= this.#seq) return [];
		if (!this.#held.has(event.seq)) this.#held.set(event.seq, event);
		return this.#seq === null ? [] : this.#drain();
	}

	#drain(): T[] {
		const ready: T[] = [];
		let next = this.#held.get(this.#seq! + 1);
		while (next) {
			this.#held.delete(next.seq);
			this.#seq = next.seq;
			ready.push(next);
			next = this.#held.get(next.seq + 1);
		}
		return ready;
	}
}
