import { Form, InputNumber, Space, type FormRule } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * 选民数 and 投票数 side by side, as recording and correcting an election ask them: votes cast never above the
 * voters (checked here), each field's other rules from the form (required, or all-or-none on a back-filled record).
 */
type Deps = Array<string | Array<string | number>>;

export function VoteCountItems({ votersRules, castRules, votersDependencies = [], castDependencies = [] }: { votersRules: FormRule[]; castRules: FormRule[]; votersDependencies?: Deps; castDependencies?: Deps }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const notAboveVoters: FormRule = {
    validator: async (_, v?: number | null) => {
      const voters = form.getFieldValue('eligibleVoters') as number | null | undefined;
      if (v !== undefined && v !== null && voters !== undefined && voters !== null && v > voters) throw new Error(t('elections.votesCastTooMany'));
    },
  };
  return (
    <Space wrap align="start">
      <Form.Item name="eligibleVoters" label={t('elections.eligibleVoters')} rules={votersRules} dependencies={votersDependencies}>
        <InputNumber min={1} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="votesCast" label={t('elections.votesCast')} extra={t('elections.votesHint')} dependencies={[...castDependencies.filter((d) => d !== 'eligibleVoters'), 'eligibleVoters']} rules={[...castRules, notAboveVoters]}>
        <InputNumber min={0} precision={0} style={{ width: 160 }} />
      </Form.Item>
    </Space>
  );
}
