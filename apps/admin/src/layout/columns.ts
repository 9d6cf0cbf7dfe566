import type { TableColumnType } from 'antd';
import type { ReactNode } from 'react';
import type { Translate } from '../i18n/I18nProvider';
import { thousands } from '../lib/format';

/** A right-aligned amount column with thousands separators (the API's decimal string, never a float). */
export function moneyColumn<T>(title: string, dataIndex: keyof T & string): TableColumnType<T> {
  return { title, dataIndex, align: 'right', render: thousands };
}

/** The last column of a list: what can be done with the row (its buttons). */
export function actionsColumn<T>(t: Translate, render: (row: T) => ReactNode): TableColumnType<T> {
  return { title: t('common.actions'), key: 'actions', render: (_: unknown, row: T) => render(row) };
}

/** A row's free-text note (备注), a dash when there is none. */
export function noteColumn<T>(t: Translate): TableColumnType<T> {
  return { title: t('common.note'), dataIndex: 'note', render: (v: string | null) => v ?? '-' };
}
