import { crossAppointmentStats, formatRate } from './cross-appointment';

describe('cross-appointment figures', () => {
  it('counts leaders in two or more bodies and detects 一肩挑', () => {
    const s = crossAppointmentStats('c', [
      { workerId: 1, bodyKind: 'PARTY', role: 'SECRETARY' },
      { workerId: 1, bodyKind: 'COMMITTEE', role: 'DIRECTOR' },
      { workerId: 2, bodyKind: 'STATION', role: 'STATION_HEAD' },
      { workerId: 3, bodyKind: 'COMMITTEE', role: 'DEPUTY_DIRECTOR' },
      { workerId: 4, bodyKind: 'STATION', role: 'STAFF' },
      { workerId: 4, bodyKind: 'PARTY', role: 'MEMBER' },
    ]);
    expect(s).toEqual({ communityCode: 'c', leaders: 3, crossAppointed: 1, rate: '0.3333', oneShoulder: true });
    expect(crossAppointmentStats('c', [])).toMatchObject({ leaders: 0, rate: '0.0000', oneShoulder: false });
  });

  it('formats a share with four places, 0.0000 for nothing of nothing', () => {
    expect([formatRate(1, 3), formatRate(2, 3), formatRate(3, 3), formatRate(0, 0)]).toEqual(['0.3333', '0.6667', '1.0000', '0.0000']);
  });
});
