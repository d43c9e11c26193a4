// Preloaded into a server process (NODE_OPTIONS=--import) by a test that needs its clock wrong:
// every `new Date()` and `Date.now()` of that process runs ANTREAN_TEST_CLOCK_OFFSET_MS ahead (or
// behind), as on an edge server whose time service failed. Dates built from a value are untouched.
const offset = Number(process.env.ANTREAN_TEST_CLOCK_OFFSET_MS ?? 0);
if (offset) {
	const RealDate = Date;
	class OffsetDate extends RealDate {
		constructor(...args) {
			if (args.length === 0) super(RealDate.now() + offset);
			else super(...args);
		}
		static now() {
			return RealDate.now() + offset;
		}
	}
	globalThis.Date = OffsetDate;
}
