import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { YAXisComponentOption } from 'echarts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/** The option type of the parts EChart.tsx registers (nothing else can be drawn). */
export type EChartsOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | HeatmapSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

/**
 * The suite's one chart layout: series over categories on the x axis, an axis tooltip and a legend on
 * top naming every series in order.
 */
export function categoryChartOption({
  categories,
  series,
  yAxis,
  gridLeft,
}: {
  categories: string[];
  series: Array<BarSeriesOption | LineSeriesOption>;
  yAxis: YAXisComponentOption;
  gridLeft: number;
}): EChartsOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, left: 'center', data: series.map((s) => String(s.name)) },
    grid: { left: gridLeft, right: 20, bottom: 30, top: 48 },
    xAxis: { type: 'category', data: categories },
    yAxis,
    series,
  };
}
