/** Cross-appointment (交叉任职) and 一肩挑 figures of one community's posts on a date. */
import { isLeaderRole, type AppointmentRole, type BodyKind } from './vocabulary';

/** Share with four decimal places, exact for the small integers involved. */
export function formatRate(numerator: number, denominator: number): string {
  if (denominator === 0) return '0.0000';
  const scaled = Math.round((numerator * 10000) / denominator);
  return `${Math.floor(scaled / 10000)}.${String(scaled % 10000).padStart(4, '0')}`;
}

/** Leaders (heads and deputies) counted once each; those in two or more bodies are cross-appointed (the shape of the contracts' CrossAppointmentStats). */
export function crossAppointmentStats(
  communityCode: string,
  posts: Array<{ workerId: number | string; bodyKind: BodyKind; role: AppointmentRole }>,
) {
  const byWorker = new Map<string, { bodies: Set<BodyKind>; roles: Set<AppointmentRole>; leader: boolean }>();
  for (const post of posts) {
    const key = String(post.workerId);
    const entry = byWorker.get(key) ?? { bodies: new Set(), roles: new Set(), leader: false };
    entry.bodies.add(post.bodyKind);
    entry.roles.add(post.role);
    entry.leader ||= isLeaderRole(post.role);
    byWorker.set(key, entry);
  }
  const leaders = [...byWorker.values()].filter((w) => w.leader);
  const crossAppointed = leaders.filter((w) => w.bodies.size >= 2).length;
  return {
    communityCode,
    leaders: leaders.length,
    crossAppointed,
    rate: formatRate(crossAppointed, leaders.length),
    oneShoulder: leaders.some((w) => w.roles.has('SECRETARY') && w.roles.has('DIRECTOR')),
  };
}
