import { useI18n, type MessageKey } from './I18nProvider';

/** Select options for an enum's values, labelled by their translation under `prefix` (`enum.status` → `enum.status.ACTIVE`). */
export function useEnumOptions() {
  const { t } = useI18n();
  return (values: readonly string[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as MessageKey) }));
}
