import { POST_BANDS } from '@cws/workers-contracts';
import { Alert, App, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import type { WorkerDetail } from '../../api/types';
import { useAction } from '../../api/useAction';
import { useWorkerWrites } from '../../api/workers';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { useEnumOptions } from '../../i18n/useEnumOptions';
import { DateItem, EnumItem, FormModal, todayIso, useRequired } from '../../layout/FormModal';
import { openToEdits } from './openToEdits';
import { CommunitySelect, EditModal } from './WorkerFormModals';

type Dialog = null | 'edit' | 'transfer' | 'leave' | 'return' | 'leaving' | 'event';
type Values = Record<string, string>;

/** Kinds HR records by hand as plain events (LEAVE and RETURN have their own buttons). */
const RECORDED_KINDS = ['COMMENDATION', 'PROMOTION', 'GRADE_CHANGE'] as const;

/**
 * The worker's life-cycle as recorded events with dates: edit, transfer (调动), leave and return
 * (休假 / 返岗), leaving (离职) and other career events. A worker who has left is closed to edits.
 */
export function WorkerActions({ worker }: { worker: WorkerDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<Values>();
  const writes = useWorkerWrites();
  const required = useRequired();
  const close = () => setDialog(null);
  const invalidate = [['workers'], ['worker', String(worker.id)]];
  const done = { form, invalidate, onDone: () => { message.success(t('common.saved')); close(); } };
  const transfer = useAction((v: Values) => writes.update(worker.id, { communityCode: v.communityCode, transferDate: v.transferDate, version: worker.version }), done);
  const leave = useAction((v: Values) => writes.event(worker.id, { kind: 'LEAVE', date: v.date, ...(v.note ? { note: v.note } : {}) }), done);
  const back = useAction((v: Values) => writes.event(worker.id, { kind: 'RETURN', date: v.date, ...(v.note ? { note: v.note } : {}) }), done);
  const leaving = useAction((v: Values) => writes.leave(worker.id, { date: v.date, reason: v.reason }), done);
  // a grade change carries the decided grade (and its band, else the band of the grade in force): the server checks the band's range
  const event = useAction(
    (v: Values) =>
      writes.event(worker.id, {
        kind: v.kind, date: v.date, ...(v.note ? { note: v.note } : {}),
        ...(v.kind === 'GRADE_CHANGE' ? { grade: Number(v.grade), ...(v.band ? { band: v.band } : {}) } : {}),
      }),
    done,
  );
  const eventKind = Form.useWatch('kind', form);
  const options = useEnumOptions();

  if (!openToEdits(worker)) return null;
  const note = (
    <Form.Item name="note" label={t('common.note')}>
      <Input maxLength={300} />
    </Form.Item>
  );
  return (
    <>
      <Space wrap data-testid="worker-actions">
        <Button onClick={() => setDialog('edit')} data-testid="worker-edit">{t('common.edit')}</Button>
        <Button onClick={() => setDialog('transfer')} data-testid="worker-transfer">{t('workers.transfer')}</Button>
        {worker.status === 'ON_LEAVE' ? (
          <Button onClick={() => setDialog('return')} data-testid="worker-return">{t('workers.leaveReturn')}</Button>
        ) : (
          <Button onClick={() => setDialog('leave')} data-testid="worker-leave">{t('workers.leaveStart')}</Button>
        )}
        <Button onClick={() => setDialog('event')} data-testid="worker-event">{t('workers.recordEvent')}</Button>
        <Button danger onClick={() => setDialog('leaving')} data-testid="worker-leaving">{t('workers.leaving')}</Button>
      </Space>
      <EditModal worker={worker} open={dialog === 'edit'} onClose={close} />
      <FormModal open={dialog === 'transfer'} title={t('workers.transferTitle')} form={form} onSubmit={(v) => transfer.mutate(v)} onClose={close} pending={transfer.isPending} initialValues={{ transferDate: todayIso() }} testId="transfer-form">
        <Alert type="info" showIcon title={t('workers.transferHint')} style={{ marginBottom: 16 }} />
        <Form.Item name="communityCode" label={t('workers.targetCommunity')} rules={required}>
          <CommunitySelect exclude={worker.communityCode} />
        </Form.Item>
        <DateItem name="transferDate" label={t('workers.transferDate')} required extra={t('workers.transferDateHint')} />
      </FormModal>
      <FormModal open={dialog === 'leave'} title={t('workers.leaveTitle')} form={form} onSubmit={(v) => leave.mutate(v)} onClose={close} pending={leave.isPending} initialValues={{ date: todayIso() }} testId="leave-form">
        <DateItem name="date" label={t('common.from')} required />
        {note}
      </FormModal>
      <FormModal open={dialog === 'return'} title={t('workers.returnTitle')} form={form} onSubmit={(v) => back.mutate(v)} onClose={close} pending={back.isPending} initialValues={{ date: todayIso() }} testId="return-form">
        <DateItem name="date" label={t('common.date')} required extra={t('workers.returnHint')} />
        {note}
      </FormModal>
      <FormModal open={dialog === 'leaving'} title={t('workers.leavingTitle')} form={form} onSubmit={(v) => leaving.mutate(v)} onClose={close} pending={leaving.isPending} initialValues={{ date: todayIso() }} testId="leaving-form">
        <Alert type="warning" showIcon title={t('workers.leavingHint')} style={{ marginBottom: 16 }} />
        <DateItem name="date" label={t('workers.lastDay')} required />
        <Form.Item name="reason" label={t('common.reason')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
      <FormModal open={dialog === 'event'} title={t('workers.recordEvent')} form={form} onSubmit={(v) => event.mutate(v)} onClose={close} pending={event.isPending} initialValues={{ date: todayIso(), kind: 'COMMENDATION' }} testId="event-form">
        <EnumItem name="kind" label={t('workers.eventKind')} values={RECORDED_KINDS} prefix="enum.event" />
        <DateItem name="date" label={t('common.date')} required />
        {eventKind === 'GRADE_CHANGE' && (
          <>
            <Form.Item
              name="grade" label={t('workers.grade')} rules={required}
              extra={worker.grade !== null && worker.gradeBand
                ? t('workers.gradeChangeHint', { current: t('workers.gradeValue', { grade: worker.grade, band: t(`enum.post.${worker.gradeBand}` as MessageKey) }) })
                : t('workers.gradeChangeHintNone')}
            >
              <InputNumber min={1} max={18} precision={0} style={{ width: '100%' }} data-testid="event-grade" />
            </Form.Item>
            <Form.Item name="band" label={t('grades.band')} extra={t('workers.gradeBandHint')}>
              <Select allowClear options={options(POST_BANDS, 'enum.post')} data-testid="event-band" />
            </Form.Item>
          </>
        )}
        {note}
      </FormModal>
    </>
  );
}
