import type { AllocationView } from '@cws/budget-contracts';
import { InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useCommunities, useStreets } from '../../api/org';
import { PICKER_SIZE, useAllocationChoices, type AllocationFilter } from '../../api/postings';
import { useI18n } from '../../i18n/I18nProvider';
import { PlaceFilter } from '../../layout/PlaceFilter';
import { thousands } from '../../lib/format';
import { StreamFilter } from './BudgetFilters';
import { useBudgetNames } from './useBudgetNames';

/**
 * Picks an allocation (a Form.Item control: `value` is its id). The allocations API has no text
 * search, so the year, stream, street and community narrow the page it lists; `fixed` filters (a
 * parked cost's year and place, a transfer's funder) cannot be changed, and the list's own search
 * then finds a row by its label (id, place, funder, stream).
 */
export function AllocationPicker({
  id,
  value,
  onChange,
  fixed = {},
  disabled,
  exclude,
  onAllocation,
  testId,
}: {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  fixed?: AllocationFilter;
  disabled?: boolean;
  exclude?: string;
  onAllocation?: (a: AllocationView | undefined) => void;
  testId: string;
}) {
  const { t } = useI18n();
  const names = useBudgetNames();
  const [own, setOwn] = useState<AllocationFilter>({ fiscalYear: new Date().getFullYear() });
  const filter: AllocationFilter = { ...own, ...Object.fromEntries(Object.entries(fixed).filter(([, v]) => v !== undefined)) };
  const streets = useStreets(undefined, !fixed.street && !fixed.community);
  const communities = useCommunities({ street: filter.street }, !!filter.street && !fixed.community);
  const choices = useAllocationChoices(filter, !disabled);
  const rows = (choices.data?.items ?? []).filter((a) => a.id !== exclude);

  const narrow = (change: AllocationFilter) => {
    setOwn({ ...own, ...change });
    // the chosen row may not be in the new page
    onChange?.(undefined);
    onAllocation?.(undefined);
  };
  const label = (a: AllocationView) =>
    t('picker.option', {
      id: a.id,
      place: a.targetName ?? names.place(a.communityCode ?? a.streetCode),
      funder: names.funder(a.funder),
      stream: names.stream(a.stream),
      available: thousands(a.available),
    });

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={`${testId}-filters`}>
      <Space wrap>
        <InputNumber
          min={2000}
          max={2100}
          precision={0}
          placeholder={t('picker.year')}
          value={filter.fiscalYear}
          disabled={disabled || fixed.fiscalYear !== undefined}
          onChange={(v) => narrow({ fiscalYear: v ?? undefined })}
          style={{ width: 140 }}
        />
        <StreamFilter value={filter.stream} disabled={disabled || fixed.stream !== undefined} onChange={(stream) => narrow({ stream })} />
        <PlaceFilter level="street" places={fixed.street ? [{ code: fixed.street, name: names.place(fixed.street) }] : streets.data} width={150} value={filter.street} disabled={disabled || fixed.street !== undefined || fixed.community !== undefined} onChange={(street) => narrow({ street, community: undefined })} />
        <PlaceFilter level="community" places={fixed.community ? [{ code: fixed.community, name: names.place(fixed.community) }] : communities.data} width={170} value={filter.community} disabled={disabled || !filter.street || fixed.community !== undefined} onChange={(community) => narrow({ community })} />
      </Space>
      <Select
        id={id}
        showSearch={{ optionFilterProp: 'label' }}
        allowClear
        placeholder={t('picker.allocation')}
        disabled={disabled}
        loading={choices.isFetching}
        value={value}
        onChange={(v?: string) => {
          onChange?.(v);
          onAllocation?.(rows.find((a) => a.id === v));
        }}
        options={rows.map((a) => ({ value: a.id, label: label(a) }))}
        data-testid={testId}
      />
      {choices.data?.nextAfter && <Typography.Text type="secondary">{t('picker.narrow', { count: PICKER_SIZE })}</Typography.Text>}
    </Space>
  );
}
