import { EDUCATION_LEVELS, EMPLOYMENT_TYPES, POLITICAL_STATUSES, QUALIFICATION_LEVELS } from '@cws/workers-contracts';
import { App, Form, Input, Select } from 'antd';
import { useCommunities } from '../../api/org';
import type { WorkerDetail } from '../../api/types';
import { useAction } from '../../api/useAction';
import { useWorkerWrites } from '../../api/workers';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { DateItem, FormModal, todayIso } from '../../layout/FormModal';

type Values = Record<string, string | undefined>;

export function useEnumOptions() {
  const { t } = useI18n();
  return (values: readonly string[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as MessageKey) }));
}

/** The communities in the caller's scope, for a select (searchable by name). */
export function CommunitySelect({ exclude, ...props }: { value?: string; onChange?: (v: string) => void; exclude?: string; id?: string; style?: React.CSSProperties }) {
  const communities = useCommunities({});
  return (
    <Select
      {...props}
      showSearch={{ optionFilterProp: 'label' }}
      loading={communities.isPending}
      options={(communities.data ?? []).filter((c) => c.active && c.code !== exclude).map((c) => ({ value: c.code, label: c.name }))}
    />
  );
}

/** Fields shared by the hire and the edit form. */
function PersonFields({ hiring }: { hiring: boolean }) {
  const { t } = useI18n();
  const options = useEnumOptions();
  const required = [{ required: true, message: t('common.required') }];
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
      <Form.Item name="education" label={t('workers.education')} rules={required}>
        <Select options={options(EDUCATION_LEVELS, 'enum.education')} />
      </Form.Item>
      <Form.Item name="politicalStatus" label={t('workers.politicalStatus')} rules={required}>
        <Select options={options(POLITICAL_STATUSES, 'enum.political')} />
      </Form.Item>
      <Form.Item name="qualificationLevel" label={t('workers.qualification')}>
        <Select options={options(QUALIFICATION_LEVELS, 'enum.qualification')} />
      </Form.Item>
      <Form.Item name="qualificationCert" label={t('workers.qualificationCert')}>
        <Input maxLength={40} />
      </Form.Item>
      {hiring && <DateItem name="hireDate" label={t('workers.hireDate')} required />}
      <Form.Item name="employmentType" label={t('workers.employmentType')} rules={required}>
        <Select options={options(EMPLOYMENT_TYPES, 'enum.employment')} />
      </Form.Item>
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

/** 新增: registers a worker; a Luhn warning is shown but does not block. */
export function HireModal({ open, onClose, onHired }: { open: boolean; onClose: () => void; onHired: (id: number) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const writes = useWorkerWrites();
  const hire = useAction((v: Values) => writes.create(compact(v)), {
    form,
    invalidate: [['workers']],
    onDone: (r) => {
      message.success(t('workers.hired', { name: r.worker.name }));
      if (r.warnings?.some((w) => w.path === 'bankAccount')) message.warning(t('workers.warningLuhn'));
      onHired(r.worker.id);
    },
  });
  return (
    <FormModal
      open={open}
      title={t('workers.hire')}
      form={form}
      onSubmit={(v) => hire.mutate(v)}
      onClose={onClose}
      pending={hire.isPending}
      initialValues={{ employmentType: 'FULL_TIME', qualificationLevel: 'NONE', hireDate: todayIso() }}
      testId="hire-form"
      width={560}
    >
      <PersonFields hiring />
    </FormModal>
  );
}

/** 编辑: changes the person's fields (optimistic version); the community changes through 调动. */
export function EditModal({ worker, open, onClose }: { worker: WorkerDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const writes = useWorkerWrites();
  const edit = useAction((v: Values) => writes.update(worker.id, { ...compact(v), version: worker.version }), {
    form,
    invalidate: [['workers'], ['worker', String(worker.id)]],
    onDone: (r) => {
      message.success(t('common.saved'));
      if (r.warnings?.some((w) => w.path === 'bankAccount')) message.warning(t('workers.warningLuhn'));
      onClose();
    },
  });
  return (
    <FormModal
      open={open}
      title={t('workers.editTitle')}
      form={form}
      onSubmit={(v) => edit.mutate(v)}
      onClose={onClose}
      pending={edit.isPending}
      initialValues={{
        name: worker.name,
        phone: worker.phone ?? undefined,
        education: worker.education,
        politicalStatus: worker.politicalStatus,
        qualificationLevel: worker.qualificationLevel,
        qualificationCert: worker.qualificationCert ?? undefined,
        employmentType: worker.employmentType,
      }}
      testId="edit-form"
      width={560}
    >
      <PersonFields hiring={false} />
    </FormModal>
  );
}
