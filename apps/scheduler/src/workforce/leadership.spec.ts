import { leadership } from './leadership';

const post = (workerId: number, role: string, from: string, to: string | null = null) => ({ workerId, role, from, to });

describe('leadership: LEADER on the days a head or deputy post is held in the month', () => {
  it('a tag for the month when the posts cover all of it, spans when they start or end within it', () => {
    const got = leadership([
      post(1, 'SECRETARY', '2020-01-01'),
      post(2, 'DIRECTOR', '2026-05-15'), // appointed on the 15th
      post(3, 'DEPUTY_STATION_HEAD', '2021-03-01', '2026-05-09'), // left the post on the 9th
      post(4, 'STAFF', '2020-01-01'), // not a leader's post
    ], '2026-05-01', '2026-05-31');
    expect(Object.fromEntries(got)).toEqual({
      1: { roles: ['LEADER'], roleSpans: [] },
      2: { roles: [], roleSpans: [{ role: 'LEADER', from: '2026-05-15', to: '2026-05-31' }] },
      3: { roles: [], roleSpans: [{ role: 'LEADER', from: '2026-05-01', to: '2026-05-09' }] },
    });
  });

  it('joins one worker’s posts that touch or overlap: one post handed to the next on the day after is the whole month', () => {
    const handedOn = leadership([post(5, 'DEPUTY_DIRECTOR', '2019-01-01', '2026-05-10'), post(5, 'DIRECTOR', '2026-05-11')], '2026-05-01', '2026-05-31');
    expect(handedOn.get(5)).toEqual({ roles: ['LEADER'], roleSpans: [] });
    const gap = leadership([post(6, 'SECRETARY', '2019-01-01', '2026-05-10'), post(6, 'DIRECTOR', '2026-05-20'), post(6, 'DEPUTY_SECRETARY', '2026-05-05', '2026-05-12')], '2026-05-01', '2026-05-31');
    expect(gap.get(6)).toEqual({ roles: [], roleSpans: [{ role: 'LEADER', from: '2026-05-01', to: '2026-05-12' }, { role: 'LEADER', from: '2026-05-20', to: '2026-05-31' }] });
  });
});
