/**
 * The house's import rules, checked by dependency-cruiser (`npm run deps`,
 * part of `npm run lint` and so of `npm test`): no import circle, and no
 * import that runs up a floor. The floors, from the ground up, written once:
 * a module may import its own room and the rooms on the floors below, never
 * a room above nor another room on its own floor. Type-only imports count.
 *
 *   entrypoints/                         the extension's pages and scripts
 *   components/popup  components/options the surfaces
 *   components/privacy                   (its footer sits on the options page)
 *   components/card                      the card, in the page, the hovercard, the popup
 *   components/parts                     pieces two surfaces share
 *   jobs/                                the options page's worker, the lists' roster
 *   messaging/                           the background's answers
 *   capture/  carddav/  directories/  sync/  settings/
 *   store/                               IndexedDB: the only writer
 *   formats/                             bytes ⇄ people
 *   contact/                             how a person is shown and reached
 *   people/                              what a person is
 *   identity/  text/  i18n/              facts about URLs, characters, words
 *
 * tests/unit/dependency-rules.test.ts runs these rules on a small house with a
 * circle and an upward import, and sees both reported.
 */
const FLOORS = [
  ['i18n'],
  ['text'],
  ['identity'],
  ['people'],
  ['contact'],
  ['formats'],
  ['store'],
  ['settings'],
  ['sync'],
  ['directories'],
  ['carddav'],
  ['capture'],
  ['messaging'],
  ['jobs'],
  ['components/parts'],
  ['components/card'],
  ['components/privacy'],
  ['components/popup', 'components/options'],
  ['entrypoints'],
];

const quote = (room) => room.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const rooms = (list) => `^(${list.map(quote).join('|')})/`;

const upward = FLOORS.flatMap((floor, level) => {
  const above = FLOORS.slice(level + 1).flat();
  return floor.map((room) => ({
    name: `no-upward:${room}`,
    comment: `${room}/ may import only its own room and the floors below it (.dependency-cruiser.cjs)`,
    severity: 'error',
    from: { path: rooms([room]) },
    to: {
      path: rooms([...above, ...floor.filter((other) => other !== room)]),
    },
  }));
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'An import circle: cut it by moving the shared part (often a type) to the lower module.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.output|\\.wxt|\\.tmp)/' },
    // `import type` edges are edges: a type-only circle is still a circle.
    tsPreCompilationDeps: true,
    moduleSystems: ['es6'],
    // TypeScript 7's compiler has no JS API for it: swc parses, type-only imports included.
    parser: 'swc',
  },
};
