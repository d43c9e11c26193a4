// Chart configurations of the ministry's pages, in the History tab's style (titled axes, id-ID numbers,
// a legend only with several series); that tab's bar and percentage builders are reused as they are.
import type { ChartConfiguration } from 'chart.js';

export { barChart, colours, percentLineChart } from '../manage/[mpp]/history/charts';

export interface LineSeries {
	label: string;
	data: (number | null)[];
	colour: string;
	/** a dashed line, for a second measure of the same thing (p90 beside the average) */
	dashed?: boolean;
}

export interface LineAxes {
	locale: string;
	xTitle: string;
	yTitle: string;
	format: (value: number) => string;
	/** a fixed scale (IKM 25–100) instead of one from zero */
	min?: number;
	max?: number;
}

const axisTitle = (text: string) => ({ display: true, text, font: { weight: 'bold' as const } });

export function lineChart(
	labels: string[],
	series: LineSeries[],
	axes: LineAxes
): ChartConfiguration<'line'> {
	const multi = series.length > 1;
	return {
		type: 'line',
		data: {
			labels,
			datasets: series.map((s) => ({
				label: s.label,
				data: s.data,
				borderColor: s.colour,
				backgroundColor: s.colour,
				borderDash: s.dashed ? [6, 4] : undefined,
				pointRadius: labels.length > 30 ? 1.5 : 3,
				borderWidth: 2,
				spanGaps: true
			}))
		},
		options: {
			locale: axes.locale,
			plugins: {
				legend: { display: multi, position: 'top', align: 'end' },
				tooltip: {
					callbacks: {
						label: (item) => {
							const text = axes.format(item.parsed.y ?? 0);
							return multi ? `${item.dataset.label}: ${text}` : text;
						}
					}
				}
			},
			scales: {
				x: {
					title: axisTitle(axes.xTitle),
					ticks: { autoSkip: true, maxRotation: 0 },
					grid: { display: false }
				},
				y: {
					title: axisTitle(axes.yTitle),
					...(axes.min === undefined ? { beginAtZero: true } : { suggestedMin: axes.min }),
					...(axes.max === undefined ? {} : { suggestedMax: axes.max })
				}
			}
		}
	};
}
