import { SECONDMENT_PAYERS } from '@cws/workers-contracts';
import { Button, Form, Input, Tag } from 'antd';
import type { SecondmentRow, WorkerDetail } from '../../../api/types';
import { useWorkerWrites } from '../../../api/workers';
import { useI18n, type MessageKey } from '../../../i18n/I18nProvider';
import { actionsColumn, noteColumn } from '../../../layout/columns';
import { DateItem, EnumItem, FormModal, todayIso, useFormDialog, useRequired } from '../../../layout/FormModal';
import { useEditable } from '../openToEdits';
import { TabAction } from './TabAction';
import { WorkerRows } from './WorkerRows';

type Values = Record<string, string | undefined>;

/**
 * 挂职: a full-time worker goes OUT to an office, a seconded-in cadre comes IN to the community;
 * the direction follows from the employment type, as the API requires.
 */
export function SecondmentsTab({ worker }: { worker: WorkerDetail }) {
  const { t } = useI18n();
  const writes = useWorkerWrites();
  const direction = worker.employmentType === 'SECONDED_IN' ? 'IN' : 'OUT';
  const invalidate = [['workers'], ['worker', String(worker.id)]];
  const start = useFormDialog(
    (v: Values) =>
      writes.startSecondment({
        workerId: worker.id,
        direction,
        organisation: v.organisation,
        from: v.from,
        ...(v.to ? { to: v.to } : {}),
        payer: v.payer,
        ...(v.note ? { note: v.note } : {}),
      }),
    { invalidate, success: t('common.saved') },
  );
  const end = useFormDialog((v: Values, s: SecondmentRow) => writes.endSecondment(s.id, { to: String(v.to) }), { invalidate, success: t('common.saved') });
  const required = useRequired();
  const writable = useEditable(worker);
  return (
    <>
      <TabAction writable={writable} onClick={() => start.show()} testId="start-secondment">
        {t('workers.startSecondment')}
      </TabAction>
      <WorkerRows<SecondmentRow>
        rows={worker.secondments}
        testId="secondments"
        columns={[
          { title: t('workers.direction'), dataIndex: 'direction', render: (d: string) => t(`enum.direction.${d}` as MessageKey) },
          { title: t('workers.organisation'), dataIndex: 'organisation' },
          { title: t('common.from'), dataIndex: 'from' },
          { title: t('common.to'), dataIndex: 'to', render: (v: string | null) => v ?? t('common.ongoing') },
          { title: t('workers.payer'), dataIndex: 'payer', render: (p: string) => t(`enum.payer.${p}` as MessageKey) },
          { title: t('workers.secondmentStatus'), dataIndex: 'status', render: (s: string) => <Tag color={s === 'ACTIVE' ? 'orange' : 'default'}>{t(`enum.secondment.${s}` as MessageKey)}</Tag> },
          noteColumn(t),
          actionsColumn<SecondmentRow>(t, (s) =>
            writable && s.status === 'ACTIVE' ? (
              <Button size="small" type="link" onClick={() => end.show(s)} data-testid={`end-secondment-${s.id}`}>
                {t('workers.endSecondment')}
              </Button>
            ) : null,
          ),
        ]}
      />
      <FormModal
        {...start.modal}
        title={`${t('workers.startSecondment')}（${t(`enum.direction.${direction}` as MessageKey)}）`}
        initialValues={{ from: todayIso(), payer: 'HOME' }}
        testId="secondment-form"
      >
        <Form.Item name="organisation" label={t('workers.organisation')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <DateItem name="from" label={t('common.from')} required />
        <DateItem name="to" label={t('common.to')} />
        <EnumItem name="payer" label={t('workers.payer')} values={SECONDMENT_PAYERS} prefix="enum.payer" />
        <Form.Item name="note" label={t('common.note')}>
          <Input maxLength={300} />
        </Form.Item>
      </FormModal>
      <FormModal {...end.modal} title={t('workers.endSecondment')} initialValues={{ to: todayIso() }} testId="end-secondment-form">
        <DateItem name="to" label={t('common.to')} required />
      </FormModal>
    </>
  );
}
