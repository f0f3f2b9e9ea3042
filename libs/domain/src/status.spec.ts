import fc from 'fast-check';
import {
  STATUSES,
  addCounts,
  attentionRank,
  countStatuses,
  emptyCounts,
  isStatus,
  statusOfCounts,
  worstStatus,
  type Status,
  type StatusCounts,
} from './status';

const status = fc.constantFrom<Status>(...STATUSES);
const counts = fc.record<StatusCounts>({ red: fc.nat(50), amber: fc.nat(50), green: fc.nat(50), grey: fc.nat(50) });
const rank = (s: Status) => ['grey', 'green', 'amber', 'red'].indexOf(s);

describe(isStatus.name, () => {
  it('accepts the four status words', () => {
    for (const s of ['red', 'amber', 'green', 'grey']) expect(isStatus(s)).toBe(true);
  });

  it('rejects anything else, including other casings and non-strings', () => {
    for (const v of ['Red', 'yellow', '', ' green', null, undefined, 3, {}, ['red']]) expect(isStatus(v)).toBe(false);
  });
});

describe(worstStatus.name, () => {
  it('gives grey when there are no statuses', () => {
    expect(worstStatus([])).toBe('grey');
  });

  it('ranks red over amber over green over grey', () => {
    expect(worstStatus(['green', 'red', 'amber'])).toBe('red');
    expect(worstStatus(['green', 'amber', 'grey'])).toBe('amber');
    expect(worstStatus(['grey', 'green'])).toBe('green');
    expect(worstStatus(['grey', 'grey'])).toBe('grey');
  });

  it('reads green, not grey, when some children are green and the rest have no data', () => {
    expect(worstStatus(['grey', 'green', 'grey'])).toBe('green');
  });

  it('accepts any iterable, such as a Set or a generator', () => {
    expect(worstStatus(new Set<Status>(['green', 'amber']))).toBe('amber');
    function* gen(): Generator<Status> {
      yield 'green';
      yield 'red';
    }
    expect(worstStatus(gen())).toBe('red');
  });

  it('is order-independent', () => {
    fc.assert(
      fc.property(fc.array(status), (list) => {
        const reversed = [...list].reverse();
        const sorted = [...list].sort();
        expect(worstStatus(reversed)).toBe(worstStatus(list));
        expect(worstStatus(sorted)).toBe(worstStatus(list));
      }),
    );
    fc.assert(
      fc.property(
        fc
          .array(status)
          .chain((list) =>
            fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })),
          ),
        ([list, shuffled]) => {
          expect(worstStatus(shuffled)).toBe(worstStatus(list));
        },
      ),
    );
  });

  it('is never better than any of its inputs and is always one of them (when there are any)', () => {
    fc.assert(
      fc.property(fc.array(status, { minLength: 1 }), (list) => {
        const worst = worstStatus(list);
        expect(list).toContain(worst);
        for (const s of list) expect(rank(worst)).toBeGreaterThanOrEqual(rank(s));
      }),
    );
  });

  it('is red as soon as a single input is red', () => {
    fc.assert(
      fc.property(fc.array(status), fc.array(status), (before, after) => {
        expect(worstStatus([...before, 'red', ...after])).toBe('red');
      }),
    );
  });

  it('is associative: the worst of the worsts of parts is the worst of the whole', () => {
    fc.assert(
      fc.property(fc.array(status), fc.array(status), (a, b) => {
        expect(worstStatus([worstStatus(a), worstStatus(b)])).toBe(worstStatus([...a, ...b]));
      }),
    );
  });
});

describe(emptyCounts.name, () => {
  it('has a zero for each of the four statuses', () => {
    expect(emptyCounts()).toEqual({ red: 0, amber: 0, green: 0, grey: 0 });
  });

  it('gives a fresh object each time, so callers cannot corrupt each other', () => {
    const a = emptyCounts();
    a.red = 5;
    expect(emptyCounts().red).toBe(0);
  });
});

describe(countStatuses.name, () => {
  it('counts each status', () => {
    expect(countStatuses(['red', 'green', 'green', 'grey', 'green'])).toEqual({ red: 1, amber: 0, green: 3, grey: 1 });
  });

  it('counts nothing in an empty list', () => {
    expect(countStatuses([])).toEqual(emptyCounts());
  });

  it('has counts summing to the number of statuses, each matching a filter', () => {
    fc.assert(
      fc.property(fc.array(status), (list) => {
        const c = countStatuses(list);
        expect(c.red + c.amber + c.green + c.grey).toBe(list.length);
        for (const s of STATUSES) expect(c[s]).toBe(list.filter((x) => x === s).length);
      }),
    );
  });
});

describe(addCounts.name, () => {
  it('adds counts status by status', () => {
    expect(addCounts({ red: 1, amber: 2, green: 3, grey: 4 }, { red: 10, amber: 0, green: 1, grey: 0 })).toEqual({
      red: 11,
      amber: 2,
      green: 4,
      grey: 4,
    });
  });

  it('gives zero counts for no arguments', () => {
    expect(addCounts()).toEqual(emptyCounts());
  });

  it('does not modify its arguments', () => {
    const a = { red: 1, amber: 1, green: 1, grey: 1 };
    addCounts(a, a);
    expect(a).toEqual({ red: 1, amber: 1, green: 1, grey: 1 });
  });

  it('agrees with counting the concatenated lists', () => {
    fc.assert(
      fc.property(fc.array(status), fc.array(status), (a, b) => {
        expect(addCounts(countStatuses(a), countStatuses(b))).toEqual(countStatuses([...a, ...b]));
      }),
    );
  });

  it('is commutative and has emptyCounts as identity', () => {
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        expect(addCounts(a, b)).toEqual(addCounts(b, a));
        expect(addCounts(a, emptyCounts())).toEqual(a);
      }),
    );
  });
});

describe(statusOfCounts.name, () => {
  it('gives grey for zero counts', () => {
    expect(statusOfCounts(emptyCounts())).toBe('grey');
  });

  it('gives the worst status that has a non-zero count', () => {
    expect(statusOfCounts({ red: 0, amber: 1, green: 30, grey: 2 })).toBe('amber');
    expect(statusOfCounts({ red: 1, amber: 0, green: 0, grey: 0 })).toBe('red');
    expect(statusOfCounts({ red: 0, amber: 0, green: 2, grey: 7 })).toBe('green');
    expect(statusOfCounts({ red: 0, amber: 0, green: 0, grey: 7 })).toBe('grey');
  });

  it('agrees with worstStatus of the statuses counted', () => {
    fc.assert(
      fc.property(fc.array(status), (list) => {
        expect(statusOfCounts(countStatuses(list))).toBe(worstStatus(list));
      }),
    );
  });
});

describe('attentionRank', () => {
  it('puts red first, then amber, green, grey, and no status last', () => {
    expect(['red', 'amber', 'green', 'grey'].map((s) => attentionRank(s as Status))).toEqual([0, 1, 2, 3]);
    expect([attentionRank(null), attentionRank(undefined)]).toEqual([4, 4]);
    const listed: Status[] = ['grey', 'green', 'amber', 'red', 'amber'];
    expect([...listed].sort((a, b) => attentionRank(a) - attentionRank(b))).toEqual([
      'red',
      'amber',
      'amber',
      'green',
      'grey',
    ]);
  });
});
