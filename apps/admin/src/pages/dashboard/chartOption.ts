import type { BarSeriesOption, EChartsOption, LineSeriesOption, YAXisComponentOption } from 'echarts';

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
