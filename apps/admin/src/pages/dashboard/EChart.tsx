// Only the ECharts parts the screens use (bar, line and heatmap charts; grid, tooltip, legend,
// mark line, visual map; the canvas renderer): the full `echarts` entry was a 1.1 MB chunk.
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useReducedMotion } from '../../lib/reducedMotion';
import type { EChartsOption } from './chartOption';

echarts.use([BarChart, LineChart, HeatmapChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

/** The option as drawn: without animation when the user asks for reduced motion (src/lib/reducedMotion.ts). */
export const withMotion = (option: EChartsOption, motion: boolean): EChartsOption => (motion ? option : { ...option, animation: false });

/** A thin ECharts wrapper: one chart per div, resized with its container, disposed on unmount. */
export function EChart({
  option,
  height = 320,
  testId,
  onClick,
}: {
  option: EChartsOption;
  height?: number;
  testId?: string;
  /** A click on a data item (a bar, a cell): its category name and series. */
  onClick?: (e: { name: string; seriesName?: string; dataIndex: number }) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current);
    chart.current = instance;
    instance.on?.('click', (e) => click.current?.(e as { name: string; seriesName?: string; dataIndex: number }));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  const reducedMotion = useReducedMotion();
  useEffect(() => {
    chart.current?.setOption(withMotion(option, !reducedMotion), true);
  }, [option, reducedMotion]);

  return <div ref={ref} style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }} data-testid={testId} />;
}
