import type { ComplianceGroupView } from '@cws/payroll-contracts';
import { categoryChartOption, type EChartsOption } from '../dashboard/chartOption';

/**
 * Projected and year-to-date average pay per district against the benchmark line W(Y−1). The y-axis
 * starts at 0, so bar heights compare honestly (a cut axis made a 2 % gap look like half); the top
 * leaves room for the benchmark line. Figures are for drawing only: the table shows the exact strings.
 */
export function benchmarkChartOption(
  groups: ComplianceGroupView[],
  benchmarkAmount: string | undefined,
  year: number,
  labels: { projected: string; ytd: string; line: string },
): EChartsOption {
  const benchmark = Number(benchmarkAmount ?? 0);
  return categoryChartOption({
    categories: groups.map((g) => g.districtName ?? g.districtCode),
    gridLeft: 70,
    yAxis: { type: 'value', min: 0, max: (v: { max: number }) => Math.ceil((Math.max(v.max, benchmark) * 1.05) / 1_000) * 1_000 },
    series: [
      {
        name: labels.projected,
        type: 'bar',
        barMaxWidth: 56,
        data: groups.map((g) => ({ value: Number(g.projectedAverage), itemStyle: { color: g.compliant ? '#1f6fb2' : '#d4380d' } })),
        markLine: benchmark
          ? { symbol: 'none', lineStyle: { color: '#389e0d', type: 'dashed', width: 2 }, label: { position: 'insideEndTop', formatter: `W(${year - 1}) {c}` }, data: [{ yAxis: benchmark, name: labels.line }] }
          : undefined,
      },
      { name: labels.ytd, type: 'bar', barMaxWidth: 56, data: groups.map((g) => Number(g.ytdAverage)), itemStyle: { color: '#91caff' } },
      // an empty series so the legend names the benchmark line
      { name: labels.line, type: 'line', data: [], itemStyle: { color: '#389e0d' } },
    ],
  });
}
