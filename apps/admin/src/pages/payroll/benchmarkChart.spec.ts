import type { ComplianceGroupView } from '@cws/payroll-contracts';
import { describe, expect, it } from 'vitest';
import { benchmarkChartOption } from './benchmarkChart';

const group = (districtCode: string, districtName: string, projectedAverage: string, compliant: boolean) =>
  ({ districtCode, districtName, projectedAverage, ytdAverage: '90000.00', compliant }) as ComplianceGroupView;

describe('benchmark chart', () => {
  it('starts the y-axis at 0 and leaves room above the benchmark line', () => {
    const option = benchmarkChartOption([group('330106', '西湖区', '171000.00', false), group('330102', '上城区', '176000.00', true)], '175535.85', 2026, { projected: 'p', ytd: 'y', line: 'W' });
    const yAxis = option.yAxis as { min: number; max: (v: { max: number }) => number };
    expect(yAxis.min).toBe(0);
    // the benchmark (175,535.85) above the highest bar still fits, rounded up to a thousand
    expect(yAxis.max({ max: 170_000 })).toBe(185_000);
    const [projected] = option.series as Array<{ data: Array<{ value: number; itemStyle: { color: string } }>; markLine: { data: Array<{ yAxis: number }> } }>;
    expect(projected.data.map((d) => d.itemStyle.color)).toEqual(['#d4380d', '#1f6fb2']);
    expect(projected.markLine.data[0].yAxis).toBe(175535.85);
    expect(option.xAxis).toMatchObject({ data: ['西湖区', '上城区'] });
  });
});
