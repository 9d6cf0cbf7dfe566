import { ApartmentOutlined, EnvironmentOutlined, HomeOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useApi } from '../../api/context';
import { useDistricts } from '../../api/org';
import type { Community, District, Street } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { PageCard } from '../../layout/PageCard';
import { QueryError } from '../../layout/PageState';
import { activityShareBelow } from '../../lib/area';
import { CommunityDrawer } from './CommunityDrawer';
import { useOrgEdits, type Level, type OrgTarget } from './OrgEdits';

const W = '/api/workers/v1';

type Node = TreeDataNode & { level: Level; code: string; children?: Node[] };

function replaceChildren(nodes: Node[], key: React.Key, children: Node[]): Node[] {
  return nodes.map((n) => (n.key === key ? { ...n, children } : n.children ? { ...n, children: replaceChildren(n.children, key, children) } : n));
}

/** Districts → streets → communities, loaded level by level (a city has ~1,300 communities); edits through each node's "⋯" menu. */
export function OrgTreePage() {
  const { t } = useI18n();
  const api = useApi();
  const { me, hasRole } = useAuth();
  const queryClient = useQueryClient();
  const districts = useDistricts();
  const [tree, setTree] = useState<Node[]>([]);
  const [expanded, setExpanded] = useState<React.Key[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const cityAdmin = hasRole('CITY_ADMIN') && me?.scope.level === 'CITY';
  const districtHr = hasRole('CITY_ADMIN', 'DISTRICT_HR');

  const title = useCallback(
    (target: OrgTarget, extra: ReactNode, menu: ReactNode) => (
      <span data-testid={`org-node-${target.code}`}>
        {target.name}
        {!target.active && (
          <Tag style={{ marginLeft: 8 }} data-testid={`org-inactive-${target.code}`}>
            {t('org.inactive')}
          </Tag>
        )}
        {extra}
        {menu}
      </span>
    ),
    [t],
  );

  const streetNodes = useCallback(
    (streets: Street[], menu: ReturnType<typeof useOrgEdits>['menu']): Node[] =>
      streets.map((s) => {
        const target: OrgTarget = { level: 'street', code: s.code, name: s.name, active: s.active !== false };
        return { key: `s:${s.code}`, title: title(target, null, menu(target, { add: districtHr, edit: districtHr })), level: 'street', code: s.code, icon: <EnvironmentOutlined /> };
      }),
    [title, districtHr],
  );
  const communityNodes = useCallback(
    (communities: Community[], menu: ReturnType<typeof useOrgEdits>['menu']): Node[] =>
      communities.map((c) => {
        const target: OrgTarget = { level: 'community', code: c.code, name: c.name, active: c.active };
        const low = activityShareBelow(c.activityArea, c.floorArea) === true && (
          <Tag color="red" style={{ marginLeft: 8 }}>
            {t('org.belowTarget')}
          </Tag>
        );
        return { key: `c:${c.code}`, title: title(target, low, menu(target, { add: false, edit: districtHr })), level: 'community', code: c.code, isLeaf: true, icon: <HomeOutlined /> };
      }),
    [title, districtHr, t],
  );

  const fetchStreets = (district: string) =>
    queryClient.fetchQuery({ queryKey: ['streets', district], queryFn: () => api.get<Street[]>(`${W}/streets`, { district }), staleTime: 0 });
  const fetchCommunities = (street: string) =>
    queryClient.fetchQuery({ queryKey: ['communities', '', street], queryFn: () => api.get<Community[]>(`${W}/communities`, { street }), staleTime: 0 });

  // after an edit: reload the level that changed (its parent's children), or the districts
  const edits = useOrgEdits((level, parentCode) => {
    void queryClient.invalidateQueries({ queryKey: ['communities'] });
    void queryClient.invalidateQueries({ queryKey: ['streets'] });
    if (level === 'district' || !parentCode) {
      void queryClient.invalidateQueries({ queryKey: ['districts'] });
      return;
    }
    if (level === 'street') void fetchStreets(parentCode).then((s) => setTree((prev) => replaceChildren(prev, `d:${parentCode}`, streetNodes(s, edits.menu))));
    else void fetchCommunities(parentCode).then((c) => setTree((prev) => replaceChildren(prev, `s:${parentCode}`, communityNodes(c, edits.menu))));
  });

  const districtNode = useCallback(
    (d: District): Node => {
      const target: OrgTarget = { level: 'district', code: d.code, name: d.name, active: d.active !== false };
      return { key: `d:${d.code}`, title: title(target, null, edits.menu(target, { add: districtHr, edit: cityAdmin })), level: 'district', code: d.code, icon: <ApartmentOutlined /> };
    },
    [title, districtHr, cityAdmin],
  );

  useEffect(() => {
    if (!districts.data) return;
    // keep the streets already loaded under each district
    setTree((prev) => districts.data.map((d) => ({ ...districtNode(d), children: prev.find((p) => p.key === `d:${d.code}`)?.children })));
    // one district in scope: open it straight away
    if (districts.data.length === 1) setExpanded((keys) => (keys.length ? keys : [`d:${districts.data[0].code}`]));
  }, [districts.data, districtNode]);

  const loadData = useCallback(
    async (node: Node) => {
      if (node.children) return;
      if (node.level === 'district') {
        const streets = await fetchStreets(node.code);
        setTree((prev) => replaceChildren(prev, node.key, streetNodes(streets, edits.menu)));
      } else if (node.level === 'street') {
        const communities = await fetchCommunities(node.code);
        setTree((prev) => replaceChildren(prev, node.key, communityNodes(communities, edits.menu)));
      }
    },
    [api, queryClient, streetNodes, communityNodes],
  );

  return (
    <PageCard
      title={t('org.title')}
      testId="org-tree-page"
      tools={
        cityAdmin && (
          <Button icon={<PlusOutlined />} onClick={edits.addDistrict} data-testid="org-add-district">
            {t('org.add.district')}
          </Button>
        )
      }
    >
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
      <CommunityDrawer
        code={selected}
        onClose={() => setSelected(null)}
        onDeleted={(c) => void fetchCommunities(c.streetCode).then((list) => setTree((prev) => replaceChildren(prev, `s:${c.streetCode}`, communityNodes(list, edits.menu))))}
      />
      {edits.dialogs}
    </PageCard>
  );
}
