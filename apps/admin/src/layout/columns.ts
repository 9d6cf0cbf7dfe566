import type { TableColumnType } from 'antd';
import { thousands } from '../lib/format';

/** A right-aligned amount column with thousands separators (the API's decimal string, never a float). */
export function moneyColumn<T>(title: string, dataIndex: keyof T & string): TableColumnType<T> {
  return { title, dataIndex, align: 'right', render: thousands };
}
