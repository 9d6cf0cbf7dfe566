import { Form, Select, type FormInstance } from 'antd';
import { useDistricts, useStreets } from '../../api/org';
import type { ScopeLevel } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { placeNamer } from '../../lib/places';

/** scopeLevel / scopeDistrict / scopeStreet, each shown only when the level needs it. */
export function ScopeFields({ form, levels }: { form: FormInstance; levels: ScopeLevel[] }) {
  const { t } = useI18n();
  const level = Form.useWatch('scopeLevel', form) as ScopeLevel | undefined;
  const district = Form.useWatch('scopeDistrict', form) as string | undefined;
  const districts = useDistricts();
  const streets = useStreets(district, !!district && level === 'STREET');
  return (
    <>
      <Form.Item name="scopeLevel" label={t('users.scopeLevel')} rules={[{ required: true }]}>
        <Select
          options={levels.map((l) => ({ value: l, label: t(`scope.${l}`) }))}
          onChange={() => form.setFieldsValue({ scopeDistrict: undefined, scopeStreet: undefined })}
          data-testid="scope-level"
        />
      </Form.Item>
      {level && level !== 'CITY' && (
        <Form.Item name="scopeDistrict" label={t('users.scopeDistrict')} rules={[{ required: true }]}>
          <Select
            options={(districts.data ?? []).map((d) => ({ value: d.code, label: `${d.name} (${d.code})` }))}
            onChange={() => form.setFieldsValue({ scopeStreet: undefined })}
            data-testid="scope-district"
          />
        </Form.Item>
      )}
      {level === 'STREET' && (
        <Form.Item name="scopeStreet" label={t('users.scopeStreet')} rules={[{ required: true }]}>
          <Select options={(streets.data ?? []).map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }))} disabled={!district} />
        </Form.Item>
      )}
    </>
  );
}

/** A user's or API client's scope in words: the level, then the district's name and the street code where it has them. */
export function useScopeText(): (s: { scopeLevel: ScopeLevel; scopeDistrict: string | null; scopeStreet?: string | null }) => string {
  const { t } = useI18n();
  const districts = useDistricts();
  const nameOf = placeNamer(districts.data);
  return (s) => [t(`scope.${s.scopeLevel}`), s.scopeDistrict ? nameOf(s.scopeDistrict) : '', s.scopeStreet ?? ''].filter(Boolean).join(' · ');
}
