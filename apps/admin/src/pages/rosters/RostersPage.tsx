import { CalendarOutlined, ScheduleOutlined, SettingOutlined } from '@ant-design/icons';
import type { GenerationView, RosterView } from '@cws/scheduler-contracts';
import { App, Button, DatePicker, Form, Progress, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useApi } from '../../api/context';
import { ApiError } from '../../api/errors';
import { S, useGeneration, type RosterVersionFilter } from '../../api/rosters';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { useRequired } from '../../layout/FormModal';
import { PageCard } from '../../layout/PageCard';
import { CommunitySelect } from '../workers/WorkerFormModals';
import { RostersToReplan } from './RostersToReplan';
import { RosterVersions } from './RosterVersions';

/**
 * 排班: the published rosters to re-plan, if any; generate one centre's month (then its calendar and heatmap open), or every
 * centre in scope as one flow with progress; below, the versions in scope (a finished generation's drafts once it is done).
 */
export function RostersPage() {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const required = useRequired();
  const [form] = Form.useForm<{ community: string; month: dayjs.Dayjs }>();
  const [generation, setGeneration] = useState<number | null>(null);
  const progress = useGeneration(generation);
  const community = Form.useWatch('community', form);
  const one = useAction((v: { community: string; month: dayjs.Dayjs }) => api.post<RosterView>(`${S}/rosters`, { community: v.community, month: v.month.format('YYYY-MM') }), {
    form,
    onDone: (r) => navigate(`/rosters/${r.id}`),
  });
  const all = useAction(async (v: { month: dayjs.Dayjs }) => {
    try {
      return await api.post<GenerationView>(`${S}/rosters/generate`, { month: v.month.format('YYYY-MM') });
    } catch (err) {
      // one generation of a month in flight: follow the one already running instead of refusing
      const running = err instanceof ApiError && err.code === 'GENERATION_IN_PROGRESS' ? Number(err.body.generationId) : NaN;
      if (!Number.isInteger(running)) throw err;
      message.info(t('rosters.generationRunning'));
      return api.get<GenerationView>(`${S}/rosters/generations/${running}`);
    }
  }, {
    onDone: (g) => setGeneration(g.id),
  });
  const g = progress.data;
  const [versions, setVersions] = useState<RosterVersionFilter>({});
  // a generation that has finished: the list shows the drafts it made, to open and publish
  const finished = g?.status === 'DONE' ? g.id : null;
  useEffect(() => {
    if (finished !== null) setVersions({ generation: finished });
  }, [finished]);
  return (
    <PageCard
      title={t('rosters.title')}
      testId="rosters-page"
      tools={
        <>
          <Button icon={<CalendarOutlined />} onClick={() => navigate('/rosters/calendar')} data-testid="rosters-calendar">
            {t('menu.calendar')}
          </Button>
          {/* the community chosen below, if any: its set-up is what a generation would plan with */}
          <Button icon={<SettingOutlined />} onClick={() => navigate(community ? `/rosters/centres/${community}` : '/rosters/centres')} data-testid="rosters-centre">
            {t('centres.setup')}
          </Button>
        </>
      }
    >
      <Typography.Paragraph type="secondary">{t('rosters.hint')}</Typography.Paragraph>
      <RostersToReplan />
      <Form form={form} layout="inline" initialValues={{ month: dayjs().add(1, 'month') }} onFinish={(v) => one.mutate(v)}>
        <Form.Item name="community" label={t('org.community')} rules={required}>
          <CommunitySelect style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="month" label={t('rosters.month')} rules={required}>
          <DatePicker picker="month" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<ScheduleOutlined />} loading={one.isPending} data-testid="roster-generate">
          {t('rosters.generate')}
        </Button>
        <Button style={{ marginLeft: 8 }} onClick={() => all.mutate({ month: form.getFieldValue('month') })} loading={all.isPending} data-testid="roster-generate-all">
          {t('rosters.generateAll')}
        </Button>
      </Form>
      {g && (
        <Space orientation="vertical" style={{ marginTop: 24, width: 480 }} data-testid="generation-progress">
          <Progress percent={g.progress} status={g.status === 'DONE' ? (g.failed ? 'exception' : 'success') : 'active'} />
          <Typography.Text type="secondary">{t('rosters.generationText', { solved: g.solved, failed: g.failed, total: g.total })}</Typography.Text>
        </Space>
      )}
      <RosterVersions filter={versions} onFilter={setVersions} />
    </PageCard>
  );
}
