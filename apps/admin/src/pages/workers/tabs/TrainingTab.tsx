import { Form, Input, Select, Tag } from 'antd';
import type { TrainingRow, WorkerDetail } from '../../../api/types';
import { useTrainingClasses, useWorkerWrites } from '../../../api/workers';
import { useI18n, type MessageKey } from '../../../i18n/I18nProvider';
import { EnumItem, FormModal, useFormDialog, useRequired } from '../../../layout/FormModal';
import { useEditable } from '../openToEdits';
import { TabAction } from './TabAction';
import { WorkerRows } from './WorkerRows';

const RESULTS = ['PASS', 'FAIL', 'ABSENT'] as const;
const RESULT_COLOR: Record<string, string> = { PASS: 'green', FAIL: 'red', ABSENT: 'default' };

/** 培训: the worker's results, and recording one in a class of the caller's district or the city. */
export function TrainingTab({ worker }: { worker: WorkerDetail }) {
  const { t } = useI18n();
  const writable = useEditable(worker);
  const writes = useWorkerWrites();
  const record = useFormDialog(
    (v: { classId: number; result: string; certificateNo?: string }) =>
      writes.recordTraining(v.classId, { workerId: worker.id, result: v.result, ...(v.certificateNo ? { certificateNo: v.certificateNo } : {}) }),
    { invalidate: [['worker', String(worker.id)]], success: t('common.saved') },
  );
  const classes = useTrainingClasses(record.modal.open);
  const required = useRequired();
  return (
    <>
      <TabAction writable={writable} onClick={() => record.show()} testId="record-training">
        {t('workers.recordTraining')}
      </TabAction>
      <WorkerRows<TrainingRow>
        rows={worker.training}
        testId="training"
        columns={[
          { title: t('workers.class'), dataIndex: 'title' },
          { title: t('workers.course'), dataIndex: 'course' },
          { title: t('workers.category'), dataIndex: 'category', render: (c: string) => t(`enum.category.${c}` as MessageKey) },
          { title: t('workers.result'), dataIndex: 'result', render: (r: string) => <Tag color={RESULT_COLOR[r]}>{t(`enum.result.${r}` as MessageKey)}</Tag> },
          { title: t('workers.hours'), dataIndex: 'hours', align: 'right' },
          { title: t('workers.certificateNo'), dataIndex: 'certificateNo', render: (v: string | null) => v ?? '-' },
          { title: t('workers.completedOn'), dataIndex: 'completedOn' },
        ]}
      />
      <FormModal {...record.modal} title={t('workers.recordTraining')} initialValues={{ result: 'PASS' }} testId="training-form">
        <Form.Item name="classId" label={t('workers.class')} rules={required}>
          <Select
            loading={classes.isPending}
            options={(classes.data ?? []).map((k) => ({ value: k.id, label: `${k.title}（${k.startDate}，${k.hours} ${t('workers.hours')}）` }))}
          />
        </Form.Item>
        <EnumItem name="result" label={t('workers.result')} values={RESULTS} prefix="enum.result" />
        <Form.Item name="certificateNo" label={t('workers.certificateNo')}>
          <Input maxLength={40} />
        </Form.Item>
      </FormModal>
    </>
  );
}
