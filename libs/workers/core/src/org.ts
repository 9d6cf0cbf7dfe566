/** The three bodies every community has, and how each is named after its community. */
export const BODY_NAMES = { PARTY: '社区党组织', COMMITTEE: '社区居民委员会', STATION: '社区公共服务工作站' } as const;

/** 西湖社区 + COMMITTEE → 西湖社区居民委员会 (a trailing 社区 is not doubled). */
export function bodyName(communityName: string, kind: keyof typeof BODY_NAMES): string {
  return `${communityName.replace(/社区$/, '')}${BODY_NAMES[kind]}`;
}
