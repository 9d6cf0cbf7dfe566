import { EDUCATION_LEVELS, EMPLOYMENT_TYPES, POLITICAL_STATUSES, QUALIFICATION_LEVELS } from '@cws/workers-contracts';
import type { QueryKey } from '@tanstack/react-query';
import { App, Form, Input, Select } from 'antd';
import { useCommunities } from '../../api/org';
import type { WorkerDetail } from '../../api/types';
import { useAction } from '../../api/useAction';
import { useWorkerWrites } from '../../api/workers';
import { useI18n } from '../../i18n/I18nProvider';
import { useEnumOptions } from '../../i18n/useEnumOptions';
import { DateItem, EnumItem, FormModal, todayIso, useRequired } from '../../layout/FormModal';
import { placeOptions } from '../../lib/places';

type Values = Record<string, string | undefined>;

/** The communities in the caller's scope, for a select (searchable by name). */
export function CommunitySelect({ exclude, ...props }: { value?: string; onChange?: (v: string) => void; exclude?: string; id?: string; style?: React.CSSProperties; allowClear?: boolean; placeholder?: string }) {
  const communities = useCommunities({});
  return (
    <Select
      {...props}
      showSearch={{ optionFilterProp: 'label' }}
      loading={communities.isPending}
      options={placeOptions(communities.data?.filter((c) => c.active && c.code !== exclude))}
    />
  );
}

/** 学历 and 政治面貌, required: asked of a worker and of an applicant alike. */
export function EducationFields() {
  const { t } = useI18n();
  return (
    <>
      <EnumItem name="education" label={t('workers.education')} values={EDUCATION_LEVELS} prefix="enum.education" />
      <EnumItem name="politicalStatus" label={t('workers.politicalStatus')} values={POLITICAL_STATUSES} prefix="enum.political" />
    </>
  );
}

/** Fields shared by the hire and the edit form. */
function PersonFields({ hiring }: { hiring: boolean }) {
  const { t } = useI18n();
  const options = useEnumOptions();
  const required = useRequired();
  return (
    <>
      <Form.Item name="name" label={t('workers.name')} rules={required}>
        <Input maxLength={60} />
      </Form.Item>
      {hiring && (
        <Form.Item name="residentId" label={t('workers.residentId')} rules={required} normalize={(v: string) => v?.trim().toUpperCase()}>
          <Input maxLength={18} />
        </Form.Item>
      )}
      <Form.Item name="phone" label={t('workers.phone')}>
        <Input maxLength={20} />
      </Form.Item>
      <EducationFields />
      <Form.Item name="qualificationLevel" label={t('workers.qualification')}>
        <Select options={options(QUALIFICATION_LEVELS, 'enum.qualification')} />
      </Form.Item>
      <Form.Item name="qualificationCert" label={t('workers.qualificationCert')}>
        <Input maxLength={40} />
      </Form.Item>
      {hiring && <DateItem name="hireDate" label={t('workers.hireDate')} required />}
      <EnumItem name="employmentType" label={t('workers.employmentType')} values={EMPLOYMENT_TYPES} prefix="enum.employment" />
      <Form.Item name="bankAccount" label={t('workers.bankAccount')} extra={hiring ? undefined : t('workers.bankAccountKeep')}>
        <Input maxLength={19} />
      </Form.Item>
      {hiring && (
        <Form.Item name="communityCode" label={t('workers.community')} rules={required}>
          <CommunitySelect />
        </Form.Item>
      )}
    </>
  );
}

const compact = (v: Values) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''));

/** The optional fields an edit may empty: one that had a value and was emptied is cleared (null), which the API accepts for these. */
const CLEARABLE = ['phone', 'qualificationCert'] as const;
const clearedOf = (worker: WorkerDetail, v: Values) => Object.fromEntries(CLEARABLE.filter((f) => worker[f] && !v[f]).map((f) => [f, null]));

/**
 * The person form in a modal: saves, says so, warns (without blocking) when the bank account fails
 * its Luhn check, then `onSaved`.
 */
function PersonModal<T extends { warnings?: Array<{ path: string }> }>({
  open,
  onClose,
  hiring,
  save,
  invalidate,
  saved,
  onSaved,
  ...modal
}: {
  open: boolean;
  onClose: () => void;
  hiring: boolean;
  save: (v: Values) => Promise<T>;
  invalidate: QueryKey[];
  saved: (r: T) => string;
  onSaved: (r: T) => void;
  title: string;
  testId: string;
  initialValues: Values;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const action = useAction(save, {
    form,
    invalidate,
    onDone: (r) => {
      message.success(saved(r));
      if (r.warnings?.some((w) => w.path === 'bankAccount')) message.warning(t('workers.warningLuhn'));
      onSaved(r);
    },
  });
  return (
    <FormModal {...modal} open={open} form={form} onSubmit={(v) => action.mutate(v)} onClose={onClose} pending={action.isPending} width={560}>
      <PersonFields hiring={hiring} />
    </FormModal>
  );
}

/** 新增: registers a worker. */
export function HireModal({ open, onClose, onHired }: { open: boolean; onClose: () => void; onHired: (id: number) => void }) {
  const { t } = useI18n();
  const writes = useWorkerWrites();
  return (
    <PersonModal
      open={open}
      onClose={onClose}
      hiring
      save={(v) => writes.create(compact(v))}
      invalidate={[['workers']]}
      saved={(r) => t('workers.hired', { name: r.worker.name })}
      onSaved={(r) => onHired(r.worker.id)}
      title={t('workers.hire')}
      testId="hire-form"
      initialValues={{ employmentType: 'FULL_TIME', qualificationLevel: 'NONE', hireDate: todayIso() }}
    />
  );
}

/** 编辑: changes the person's fields (optimistic version); the community changes through 调动. */
export function EditModal({ worker, open, onClose }: { worker: WorkerDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const writes = useWorkerWrites();
  return (
    <PersonModal
      open={open}
      onClose={onClose}
      hiring={false}
      save={(v) => writes.update(worker.id, { ...compact(v), ...clearedOf(worker, v), version: worker.version })}
      invalidate={[['workers'], ['worker', String(worker.id)]]}
      saved={() => t('common.saved')}
      onSaved={onClose}
      title={t('workers.editTitle')}
      testId="edit-form"
      initialValues={{
        name: worker.name,
        phone: worker.phone ?? undefined,
        education: worker.education,
        politicalStatus: worker.politicalStatus,
        qualificationLevel: worker.qualificationLevel,
        qualificationCert: worker.qualificationCert ?? undefined,
        employmentType: worker.employmentType,
      }}
    />
  );
}
