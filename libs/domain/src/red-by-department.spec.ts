import fc from 'fast-check';
import {
  daysOverdue,
  departmentsOwingRed,
  groupRedByDepartment,
  isOverdueRed,
  type RedEntry,
} from './red-by-department';

const entry = (departmentId: number | null, metricId: number, dueDate: string | null, overdue: boolean): RedEntry => ({
  departmentId,
  metricId,
  dueDate,
  overdue,
});

describe(departmentsOwingRed.name, () => {
  it('gives each department whose own figure is red', () => {
    const departments = [
      { id: 1, status: 'green' as const },
      { id: 2, status: 'red' as const },
      { id: 3, status: 'amber' as const },
      { id: 4, status: 'red' as const },
    ];
    expect(departmentsOwingRed(departments).map((d) => d.id)).toEqual([2, 4]);
  });

  it('gives every reporter when only the pooled figure is red, and nobody when none reports it', () => {
    const departments = [
      { id: 1, status: 'green' as const },
      { id: 2, status: 'amber' as const },
    ];
    expect(departmentsOwingRed(departments).map((d) => d.id)).toEqual([1, 2]);
    expect(departmentsOwingRed([])).toEqual([]);
  });
});

describe(isOverdueRed.name, () => {
  it('is true for an own red from a figure missing or returned past its due date, false otherwise', () => {
    expect(isOverdueRed({ status: 'red', basis: 'overdue' })).toBe(true);
    expect(isOverdueRed({ status: 'red', basis: 'returned' })).toBe(true);
    expect(isOverdueRed({ status: 'red', basis: 'missed' })).toBe(false);
    expect(isOverdueRed({ status: 'amber', basis: 'overdue' })).toBe(false);
  });
});

describe('daysOverdue', () => {
  it('counts calendar days from the due date for a missing figure', () => {
    expect(daysOverdue({ dueDate: '2020-07-10', overdue: true }, '2020-07-31')).toBe(21);
    expect(daysOverdue({ dueDate: '2020-12-31', overdue: true }, '2021-01-02')).toBe(2);
  });

  it('is null for a figure that arrived but misses its target, before the due date, or without a date', () => {
    expect(daysOverdue({ dueDate: '2020-07-10', overdue: false }, '2020-07-31')).toBeNull();
    expect(daysOverdue({ dueDate: '2020-07-10', overdue: true }, '2020-07-10')).toBeNull();
    expect(daysOverdue({ dueDate: null, overdue: true }, '2020-07-31')).toBeNull();
  });
});

describe('groupRedByDepartment', () => {
  it('puts the unit with the most red first, then the longest wait, each entry under its own unit', () => {
    const groups = groupRedByDepartment(
      [
        entry(1, 10, '2020-07-10', false),
        entry(2, 11, '2020-07-10', true),
        entry(2, 12, '2020-06-10', true),
        entry(3, 13, '2020-05-10', true),
        entry(null, 14, null, false),
      ],
      '2020-07-31',
    );
    expect(groups.map((g) => [g.departmentId, g.entries.map((e) => e.metricId), g.mostDaysOverdue])).toEqual([
      [2, [12, 11], 51],
      [3, [13], 82],
      [1, [10], null],
      [null, [14], null],
    ]);
  });

  it('keeps every entry exactly once, lists each unit once, and orders units by count then wait', () => {
    const arbitraryEntry = fc.record({
      departmentId: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
      metricId: fc.integer({ min: 1, max: 1000 }),
      dueDate: fc.option(
        fc
          .date({ min: new Date('2020-01-01'), max: new Date('2021-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        { nil: null },
      ),
      overdue: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbitraryEntry, { maxLength: 40 }), (entries) => {
        const groups = groupRedByDepartment(entries, '2021-06-30');
        expect(groups.reduce((n, g) => n + g.entries.length, 0)).toBe(entries.length);
        expect(new Set(groups.map((g) => g.departmentId)).size).toBe(groups.length);
        for (const g of groups) for (const e of g.entries) expect(e.departmentId).toBe(g.departmentId);
        for (let i = 1; i < groups.length; i++) {
          const [a, b] = [groups[i - 1], groups[i]];
          expect(
            a.entries.length > b.entries.length ||
              (a.entries.length === b.entries.length && (a.mostDaysOverdue ?? -1) >= (b.mostDaysOverdue ?? -1)),
          ).toBe(true);
        }
        for (const g of groups) {
          const waits = g.entries.map((e) => e.daysOverdue ?? -1);
          expect(waits).toEqual([...waits].sort((x, y) => y - x));
          expect(g.mostDaysOverdue).toBe(g.entries.some((e) => e.daysOverdue !== null) ? Math.max(...waits) : null);
        }
      }),
    );
  });
});
