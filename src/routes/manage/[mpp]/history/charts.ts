// The History tab's chart configurations: titled axes with units, a legend when there is more than
// one series, id-ID numbers on ticks and tooltips. Pure builders, so the page passes plain snapshots.
import type { ChartConfiguration } from 'chart.js';

export const colours = {
	issued: '#0b5cab',
	served: '#2a9d6b',
	wait: '#6d5bd0',
	level: '#b45309',
	ikm: '#0b5cab'
};

interface Series {
	label: string;
	data: (number | null)[];
	colour: string;
}

interface Axes {
	/** BCP 47 tag for tick and tooltip numbers */
	locale: string;
	xTitle: string;
	yTitle: string;
	/** tooltip text of one value */
	format?: (value: number) => string;
}

const axisTitle = (text: string) => ({ display: true, text, font: { weight: 'bold' as const } });

/** Tooltip lines: "Diambil: 1.234" with several series, the value alone with one. */
function tooltip(format: Axes['format'], multi: boolean) {
	return {
		callbacks: {
			label: (item: { dataset: { label?: string }; parsed: { y: number | null } }) => {
				const value = item.parsed.y ?? 0;
				const text = format ? format(value) : String(value);
				return multi ? `${item.dataset.label}: ${text}` : text;
			}
		}
	};
}

export function barChart(labels: string[], series: Series[], axes: Axes): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels,
			datasets: series.map((s) => ({
				label: s.label,
				data: s.data,
				backgroundColor: s.colour,
				borderRadius: 2
			}))
		},
		options: {
			locale: axes.locale,
			plugins: {
				legend: { display: series.length > 1, position: 'top', align: 'end' },
				tooltip: tooltip(axes.format, series.length > 1)
			},
			scales: {
				x: { title: axisTitle(axes.xTitle), grid: { display: false } },
				y: { title: axisTitle(axes.yTitle), beginAtZero: true, ticks: { precision: 0 } }
			}
		}
	};
}

/** A share per day, 0–100 %. */
export function percentLineChart(labels: string[], series: Series, axes: Axes): ChartConfiguration<'line'> {
	return {
		type: 'line',
		data: {
			labels,
			datasets: [
				{
					label: series.label,
					data: series.data,
					borderColor: series.colour,
					backgroundColor: series.colour,
					pointRadius: labels.length > 45 ? 0 : 3,
					borderWidth: 2,
					spanGaps: true
				}
			]
		},
		options: {
			locale: axes.locale,
			plugins: { legend: { display: false }, tooltip: tooltip(axes.format, false) },
			scales: {
				x: {
					title: axisTitle(axes.xTitle),
					ticks: { autoSkip: true, maxRotation: 0 },
					grid: { display: false }
				},
				y: { title: axisTitle(axes.yTitle), min: 0, max: 100, ticks: { stepSize: 20 } }
			}
		}
	};
}

/** A long category name on two lines, so a narrow chart does not clip it ("Penanganan pengaduan, …"). */
export function wrapLabel(label: string, width = 24): string | string[] {
	if (label.length <= width) return label;
	const cut = label.lastIndexOf(' ', width);
	return cut > 0 ? [label.slice(0, cut), label.slice(cut + 1)] : label;
}

/** One bar per element, on the survey's own 1–4 scale; the element names say what the axis is. */
export function elementChart(
	labels: string[],
	series: Series,
	axes: Omit<Axes, 'yTitle'>
): ChartConfiguration<'bar'> {
	const format = axes.format;
	return {
		type: 'bar',
		data: {
			labels: labels.map((label) => wrapLabel(label)),
			datasets: [{ label: series.label, data: series.data, backgroundColor: series.colour, borderRadius: 2 }]
		},
		options: {
			indexAxis: 'y',
			locale: axes.locale,
			plugins: {
				legend: { display: false },
				tooltip: {
					callbacks: { label: (item) => (format ? format(item.parsed.x ?? 0) : String(item.parsed.x)) }
				}
			},
			scales: {
				x: { title: axisTitle(axes.xTitle), min: 1, max: 4, ticks: { stepSize: 0.5 } },
				// every element named: Chart.js would otherwise skip every other label on a short chart
				y: { grid: { display: false }, ticks: { autoSkip: false } }
			}
		}
	};
}
