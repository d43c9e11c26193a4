// How busy each demo MPP is on an average weekday, from DOMAIN's mpp_sizes (small 120–300, medium
// 300–800, large 800–1500 tickets a day). The large one's Monday peak hour is then ≈ 200 tickets
// (800 × 1.25 × 20%), a pace a visitor sees move without it looking like a stress test.
import { demoMpps, type DemoMpp } from './profile';

export const ticketsPerWeekdayBySize: Record<DemoMpp['size'], number> = {
	small: 200,
	medium: 400,
	large: 800
};

/** Weekday volume for an MPP by its demo size; an MPP the demo does not know gets ≈ 22 per counter. */
export function demoTicketsPerWeekday(mpp: { slug: string; counters: number }): number {
	const demo = demoMpps.find((d) => d.slug === mpp.slug);
	return demo ? ticketsPerWeekdayBySize[demo.size] : mpp.counters * 22;
}
