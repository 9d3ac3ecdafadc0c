/**
 * splitByBytes: the byte budget both vCard folding and sync's items rely on.
 */
import { describe, expect, it } from 'vitest';
import { splitByBytes } from '../../text/pieces';

const utf8 = (character: string) => new TextEncoder().encode(character).length;

describe('splitByBytes', () => {
  it.each([
    { text: '', room: 3, pieces: [''] },
    { text: 'abc', room: 3, pieces: ['abc'] },
    { text: 'abcd', room: 3, pieces: ['abc', 'd'] },
    { text: 'aé', room: 2, pieces: ['a', 'é'] },
    { text: 'éé', room: 3, pieces: ['é', 'é'] },
    // A surrogate pair is one character of four bytes: never cut in two.
    { text: 'a😀b', room: 4, pieces: ['a', '😀', 'b'] },
    // A character wider than the room still goes somewhere, alone, not after an empty piece.
    { text: '😀a', room: 2, pieces: ['😀', 'a'] },
  ])('$text in rooms of $room → $pieces', ({ text, room, pieces }) => {
    expect(splitByBytes(text, () => room, utf8)).toEqual(pieces);
  });

  it('gives each piece the room for its own index', () => {
    expect(splitByBytes('abcdefg', (index) => (index === 0 ? 3 : 2), utf8)).toEqual([
      'abc',
      'de',
      'fg',
    ]);
  });

  it('rejoins to the text, and no piece exceeds its room', () => {
    const text = 'Łukasz 😀 Altınbüken — 東京 '.repeat(40);
    const room = (index: number) => 10 + (index % 3);
    const pieces = splitByBytes(text, room, utf8);
    expect(pieces.join('')).toBe(text);
    pieces.forEach((piece, index) => {
      expect(utf8(piece)).toBeLessThanOrEqual(room(index));
    });
  });
});
