import { Card, Space } from 'antd';
import type { ReactNode } from 'react';

/**
 * A page's frame: its title and test id, and its filters and actions at the top right, wrapping
 * on a narrow screen (nothing there when `tools` is empty, e.g. a read-only role's page).
 */
export function PageCard({ title, testId, tools, children }: { title: ReactNode; testId: string; tools?: ReactNode; children: ReactNode }) {
  return (
    <Card title={title} data-testid={testId} extra={tools ? <Space wrap>{tools}</Space> : undefined}>
      {children}
    </Card>
  );
}

/** A section below a page's main content (a card of its own): small, set off from what is above, its tools at the top right. */
export function SectionCard({ title, testId, tools, children }: { title: ReactNode; testId: string; tools?: ReactNode; children: ReactNode }) {
  return (
    <Card size="small" title={title} style={{ marginTop: 16 }} data-testid={testId} extra={tools ? <Space wrap>{tools}</Space> : undefined}>
      {children}
    </Card>
  );
}
