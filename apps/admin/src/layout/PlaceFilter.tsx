import { Select } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import { placeOptions } from '../lib/places';

/**
 * A list filter's select of the places of one level (districts, streets or communities), named by its level and cleared
 * with ×. `testId` is also its id: each select's list is then its own (without one, every select's input shares an id in tests).
 */
export function PlaceFilter({
  level,
  places,
  width,
  value,
  disabled,
  onChange,
  testId,
}: {
  level: 'district' | 'street' | 'community';
  places: ReadonlyArray<{ code: string; name: string }> | undefined;
  width: number;
  value: string | undefined;
  disabled?: boolean;
  onChange: (code: string | undefined) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  return <Select allowClear placeholder={t(`org.${level}`)} style={{ width }} value={value} disabled={disabled} options={placeOptions(places)} onChange={onChange} id={testId} data-testid={testId} />;
}
