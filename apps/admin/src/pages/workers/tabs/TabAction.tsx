import { Button } from 'antd';
import type { ReactNode } from 'react';

/** A worker tab's write, the primary button above its list: offered only while the worker is open to edits here (useEditable). */
export function TabAction({ writable, onClick, testId, children }: { writable: boolean; onClick: () => void; testId: string; children: ReactNode }) {
  if (!writable) return null;
  return (
    <Button type="primary" style={{ marginBottom: 16 }} onClick={onClick} data-testid={testId}>
      {children}
    </Button>
  );
}
