// Chart.js 4 as a Svelte attachment (DESIGN "Decisions": charts): `<canvas {@attach chart(() => config)}>`.
// Reading `config()` inside the attachment makes Svelte re-run it when the data changes (a new range
// is a new page load), so the old chart is destroyed and a new one drawn; pass `$state.snapshot()`
// data, because Chart.js instruments the arrays it is given. Only the pieces the dashboard draws are
// registered, and only pages that import this module load Chart.js (the TV display's budget is tight).
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip,
	type ChartConfiguration,
	type ChartType
} from 'chart.js';
import type { Attachment } from 'svelte/attachments';

Chart.register(
	BarController,
	BarElement,
	CategoryScale,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip,
	Legend
);
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
Chart.defaults.font.size = 13;
Chart.defaults.color = '#1a2433';
// Managers read these, they do not watch them: no animation, and a chart is complete when it appears.
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

export function chart<T extends ChartType>(
	config: () => ChartConfiguration<T>
): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		const instance = new Chart(canvas, config());
		return () => instance.destroy();
	};
}
