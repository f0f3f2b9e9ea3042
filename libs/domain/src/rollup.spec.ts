import fc from 'fast-check';
import { rollUp, type RolledUp } from './rollup';
import { STATUSES, countStatuses, emptyCounts, worstStatus, type Status } from './status';

const leaf = (s: Status): RolledUp => ({ status: s, counts: countStatuses([s]) });
const status = fc.constantFrom<Status>(...STATUSES);

describe(rollUp.name, () => {
  it('gives grey with zero counts for a node with nothing beneath it', () => {
    expect(rollUp([])).toEqual({ status: 'grey', counts: emptyCounts() });
  });

  it('counts the metrics beneath a task and takes the worst', () => {
    expect(rollUp([leaf('green'), leaf('amber'), leaf('green')])).toEqual({
      status: 'amber',
      counts: { red: 0, amber: 1, green: 2, grey: 0 },
    });
  });

  it('reads green for a mix of green and grey children', () => {
    expect(rollUp([leaf('grey'), leaf('green')]).status).toBe('green');
  });

  it('rolls a red metric all the way up the tree', () => {
    const task1 = rollUp([leaf('green'), leaf('red')]);
    const task2 = rollUp([leaf('green')]);
    const second = rollUp([task1, task2]);
    const first = rollUp([second, rollUp([rollUp([leaf('amber')])])]);
    const plan = rollUp([first, rollUp([leaf('green'), leaf('grey')])]);
    expect(plan.status).toBe('red');
    expect(plan.counts).toEqual({ red: 1, amber: 1, green: 3, grey: 1 });
  });

  it('rolls up counts, not child statuses: two amber tasks count two ambers', () => {
    const tasks = [rollUp([leaf('amber'), leaf('amber')]), rollUp([leaf('amber')])];
    expect(rollUp(tasks).counts.amber).toBe(3);
  });

  it('does not modify the children', () => {
    const child = rollUp([leaf('red')]);
    rollUp([child, child]);
    expect(child.counts).toEqual({ red: 1, amber: 0, green: 0, grey: 0 });
  });

  describe('properties', () => {
    // A random tree: leaves are metric statuses, inner nodes are tasks/indicators.
    type Tree = Status | Tree[];
    const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, status, fc.array(tie('tree'), { maxLength: 5 })),
    }));
    const leaves = (t: Tree): Status[] => (typeof t === 'string' ? [t] : t.flatMap(leaves));
    const roll = (t: Tree): RolledUp => (typeof t === 'string' ? leaf(t) : rollUp(t.map(roll)));

    it('has counts that sum to the number of metrics beneath the node', () => {
      fc.assert(
        fc.property(tree, (t) => {
          const { counts } = roll(t);
          expect(counts.red + counts.amber + counts.green + counts.grey).toBe(leaves(t).length);
          expect(counts).toEqual(countStatuses(leaves(t)));
        }),
      );
    });

    it('has the status of the worst metric beneath, whatever the shape of the tree', () => {
      fc.assert(
        fc.property(tree, (t) => {
          expect(roll(t).status).toBe(worstStatus(leaves(t)));
        }),
      );
    });

    it('gives the same result flat or nested', () => {
      fc.assert(
        fc.property(fc.array(status), fc.integer({ min: 0, max: 20 }), (list, cut) => {
          const flat = rollUp(list.map(leaf));
          const nested = rollUp([rollUp(list.slice(0, cut).map(leaf)), rollUp(list.slice(cut).map(leaf))]);
          expect(nested).toEqual(flat);
        }),
      );
    });
  });
});
