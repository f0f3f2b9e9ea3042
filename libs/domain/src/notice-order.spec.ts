import { compareNotices, type NoticeOrderFields } from './notice-order';

describe(compareNotices.name, () => {
  const notice = (over: Partial<NoticeOrderFields>): NoticeOrderFields => ({
    state: 'issued',
    replyOverdue: false,
    level: 'supervise',
    issuedAt: '2020-10-15T02:00:00.000Z',
    ...over,
  });
  const order = (list: NoticeOrderFields[]) => [...list].sort(compareNotices);

  it('puts open notices before closed ones, whatever their level', () => {
    const closed = notice({ state: 'closed', level: 'listed' });
    const open = notice({ level: 'remind' });
    expect(order([closed, open])).toEqual([open, closed]);
  });
  it('puts an overdue reply before a higher level that is not overdue', () => {
    const listed = notice({ level: 'listed' });
    const overdue = notice({ level: 'remind', replyOverdue: true });
    expect(order([listed, overdue])).toEqual([overdue, listed]);
  });
  it('ranks 挂牌督办 before 督办 before 提醒', () => {
    const [remind, supervise, listed] = (['remind', 'supervise', 'listed'] as const).map((level) => notice({ level }));
    expect(order([remind, supervise, listed])).toEqual([listed, supervise, remind]);
  });
  it('puts the older of two otherwise equal notices first', () => {
    const older = notice({ issuedAt: '2020-10-14T02:00:00.000Z' });
    const newer = notice({ issuedAt: '2020-10-16T02:00:00.000Z' });
    expect(order([newer, older])).toEqual([older, newer]);
    expect(compareNotices(older, older)).toBe(0);
  });
});
