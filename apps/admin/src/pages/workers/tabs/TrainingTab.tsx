import { Button, Form, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import type { TrainingRow, WorkerDetail } from '../../../api/types';
import { useAction } from '../../../api/useAction';
import { useTrainingClasses, useWorkerWrites } from '../../../api/workers';
import { useI18n, type MessageKey } from '../../../i18n/I18nProvider';
import { FormModal } from '../../../layout/FormModal';

const RESULTS = ['PASS', 'FAIL', 'ABSENT'] as const;
const RESULT_COLOR: Record<string, string> = { PASS: 'green', FAIL: 'red', ABSENT: 'default' };

/** 培训: the worker's results, and recording one in a class of the caller's district or the city. */
export function TrainingTab({ worker }: { worker: WorkerDetail }) {
  const { t } = useI18n();
  const writes = useWorkerWrites();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ classId: number; result: string; certificateNo?: string }>();
  const classes = useTrainingClasses(open);
  const record = useAction(
    (v: { classId: number; result: string; certificateNo?: string }) =>
      writes.recordTraining(v.classId, { workerId: worker.id, result: v.result, ...(v.certificateNo ? { certificateNo: v.certificateNo } : {}) }),
    { form, invalidate: [['worker', String(worker.id)]], success: t('common.saved'), onDone: () => setOpen(false) },
  );
  const required = [{ required: true, message: t('common.required') }];
  return (
    <>
      {worker.status !== 'LEFT' && (
        <Button type="primary" style={{ marginBottom: 16 }} onClick={() => setOpen(true)} data-testid="record-training">
          {t('workers.recordTraining')}
        </Button>
      )}
      <Table<TrainingRow>
        size="small"
        rowKey="id"
        dataSource={worker.training ?? []}
        pagination={false}
        data-testid="training"
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
      <FormModal
        open={open}
        title={t('workers.recordTraining')}
        form={form}
        onSubmit={(v) => record.mutate(v)}
        onClose={() => setOpen(false)}
        pending={record.isPending}
        initialValues={{ result: 'PASS' }}
        testId="training-form"
      >
        <Form.Item name="classId" label={t('workers.class')} rules={required}>
          <Select
            loading={classes.isPending}
            options={(classes.data ?? []).map((k) => ({ value: k.id, label: `${k.title}（${k.startDate}，${k.hours} ${t('workers.hours')}）` }))}
          />
        </Form.Item>
        <Form.Item name="result" label={t('workers.result')} rules={required}>
          <Select options={RESULTS.map((r) => ({ value: r, label: t(`enum.result.${r}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="certificateNo" label={t('workers.certificateNo')}>
          <Input maxLength={40} />
        </Form.Item>
      </FormModal>
    </>
  );
}
