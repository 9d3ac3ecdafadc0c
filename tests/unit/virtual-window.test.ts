import { assignSlots, rowsToDraw } from '../../components/parts/virtual-window';

const slots = (before: Map<number, number>, drawn: number[]) => {
  const now = assignSlots(before, drawn);
  return { now, list: drawn.map((at) => now.get(at)) };
};

describe('row slots (elements reused by the rows that replace them)', () => {
  it('numbers the first screen in order', () => {
    expect(slots(new Map(), [0, 1, 2, 3]).list).toEqual([0, 1, 2, 3]);
  });

  it('keeps the slot of a row that stays, and gives the leaving row’s slot to the new one', () => {
    const first = assignSlots(new Map(), [0, 1, 2, 3]);
    const { list } = slots(first, [1, 2, 3, 4]);
    expect(list).toEqual([1, 2, 3, 0]);
  });

  it('reuses every slot, in order, for a whole new screen (a jump or a new search)', () => {
    const first = assignSlots(new Map(), [0, 1, 2, 3]);
    const { list } = slots(first, [5000, 5001, 5002, 5003]);
    expect(list).toEqual([0, 1, 2, 3]);
  });

  it('adds slots only when more rows are drawn, never two rows in one slot', () => {
    const first = assignSlots(new Map(), [0, 1, 2]);
    const { list } = slots(first, [40, 0, 10, 11, 12, 13]);
    expect(new Set(list).size).toBe(6);
    // The kept row (drawn first by rowsToDraw) holds on to its slot.
    expect(list[1]).toBe(0);
    expect(Math.max(...(list as number[]))).toBe(5);
  });

  it('keeps a row held outside the range (focused, active) in its slot while the range moves', () => {
    let held = assignSlots(new Map(), rowsToDraw({ start: 0, end: 5 }, 2));
    const slot = held.get(2);
    for (const start of [3, 50, 900, 99_990]) {
      held = assignSlots(held, rowsToDraw({ start, end: start + 5 }, 2));
      expect(held.get(2)).toBe(slot);
      expect(new Set(held.values()).size).toBe(held.size);
    }
  });
});
