import { ApartmentOutlined, EnvironmentOutlined, HomeOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Card, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../api/context';
import { useDistricts } from '../../api/org';
import type { Community, Street } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { QueryError } from '../../layout/PageState';
import { activityShareBelow } from '../../lib/area';
import { CommunityDrawer } from './CommunityDrawer';

const W = '/api/workers/v1';

type Node = TreeDataNode & { level: 'district' | 'street' | 'community'; code: string; children?: Node[] };

function replaceChildren(nodes: Node[], key: React.Key, children: Node[]): Node[] {
  return nodes.map((n) => (n.key === key ? { ...n, children } : n.children ? { ...n, children: replaceChildren(n.children, key, children) } : n));
}

/** Districts → streets → communities, loaded level by level (a city has ~1,300 communities). */
export function OrgTreePage() {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const districts = useDistricts();
  const [tree, setTree] = useState<Node[]>([]);
  const [expanded, setExpanded] = useState<React.Key[]>([]);
  const [selected, setSelected] = useState<string | null>(null);

  const communityTitle = useCallback(
    (c: Community) => (
      <span>
        {c.name}
        {activityShareBelow(c.activityArea, c.floorArea) === true && (
          <Tag color="red" style={{ marginLeft: 8 }}>
            {t('org.belowTarget')}
          </Tag>
        )}
      </span>
    ),
    [t],
  );

  useEffect(() => {
    if (!districts.data) return;
    setTree(
      districts.data.map((d) => ({ key: `d:${d.code}`, title: d.name, level: 'district', code: d.code, icon: <ApartmentOutlined /> })),
    );
    // one district in scope: open it straight away
    if (districts.data.length === 1) setExpanded([`d:${districts.data[0].code}`]);
  }, [districts.data]);

  const loadData = useCallback(
    async (node: Node) => {
      if (node.children) return;
      if (node.level === 'district') {
        const streets = await queryClient.fetchQuery({
          queryKey: ['streets', node.code],
          queryFn: () => api.get<Street[]>(`${W}/streets`, { district: node.code }),
        });
        setTree((prev) =>
          replaceChildren(
            prev,
            node.key,
            streets.map((s) => ({ key: `s:${s.code}`, title: s.name, level: 'street', code: s.code, icon: <EnvironmentOutlined /> })),
          ),
        );
      } else if (node.level === 'street') {
        const communities = await queryClient.fetchQuery({
          queryKey: ['communities', '', node.code],
          queryFn: () => api.get<Community[]>(`${W}/communities`, { street: node.code }),
        });
        setTree((prev) =>
          replaceChildren(
            prev,
            node.key,
            communities.map((c) => ({ key: `c:${c.code}`, title: communityTitle(c), level: 'community', code: c.code, isLeaf: true, icon: <HomeOutlined /> })),
          ),
        );
      }
    },
    [api, queryClient, communityTitle],
  );

  return (
    <Card title={t('org.title')} data-testid="org-tree-page">
      <Typography.Paragraph type="secondary">{t('org.selectHint')}</Typography.Paragraph>
      {districts.error && <QueryError error={districts.error} />}
      <Tree<Node>
        showIcon
        blockNode
        treeData={tree}
        loadData={loadData}
        expandedKeys={expanded}
        onExpand={(keys) => setExpanded(keys)}
        selectedKeys={selected ? [`c:${selected}`] : []}
        onSelect={(_, { node }) => {
          if (node.level === 'community') setSelected(node.code);
          else setExpanded((keys) => (keys.includes(node.key) ? keys.filter((k) => k !== node.key) : [...keys, node.key]));
        }}
        data-testid="org-tree"
      />
      <CommunityDrawer code={selected} onClose={() => setSelected(null)} />
    </Card>
  );
}
