/**
 * Finds words written straight into UI code instead of going through t()
 * (i18n/t.ts): text in JSX, user-facing attributes (aria-label, title,
 * placeholder, alt, and any prop of our own components that is not a
 * technical one), string expressions rendered as children, and, anywhere in
 * a file, a string that reads like a sentence. Used by ui-literals.test.ts.
 *
 * Parsed with Babel's parser (the one @preact/preset-vite compiles JSX
 * with), so it sees the code as code, not as lines of text.
 */
import { parse } from '@babel/parser';

export interface Finding {
  line: number;
  text: string;
  where: string;
}

/** Attributes that hold ids, classes, URLs or values, never words for people. */
const TECHNICAL = new Set([
  'class',
  'className',
  'id',
  'key',
  'ref',
  'type',
  'href',
  'src',
  'rel',
  'target',
  'for',
  'htmlFor',
  'role',
  'name',
  'value',
  'lang',
  'dir',
  'scope',
  'method',
  'accept',
  'download',
  'inputMode',
  'autoComplete',
  'idPrefix',
  'elementTiming',
  'elementtiming',
  'aria-controls',
  'aria-describedby',
  'aria-labelledby',
  'aria-activedescendant',
  'aria-live',
  'aria-hidden',
  'aria-expanded',
  'aria-selected',
  'aria-invalid',
  'aria-busy',
  'aria-current',
  'aria-modal',
  'aria-haspopup',
  'data-testid',
  'data-scheme',
  'data-contrast',
  'data-text',
  'style',
  'tabIndex',
  'step',
  'min',
  'max',
  'maxLength',
  'rows',
  'pattern',
]);

/** Calls whose string arguments are keys, selectors or developer text. */
const EXEMPT_CALLS = new Set([
  't',
  'tn',
  'matchMedia',
  'querySelector',
  'querySelectorAll',
  'closest',
  'getElementById',
  'addEventListener',
  'removeEventListener',
  'setAttribute',
  'getAttribute',
  'removeAttribute',
  'createElement',
  'import',
  'require',
]);

const LETTER = /\p{L}/u;
/** `(prefers-color-scheme: dark)`: a media query, not a sentence. */
const MEDIA_QUERY = /^\([a-z-]+:\s*[a-z-]+\)$/;
/** Two words with a space between: "Copy text", "is not valid". */
const SENTENCE = /\p{L}{2,}[,.:;!?’'…]?\s+[(“"‘']?\p{L}{2,}/u;

/** `application/json, text/vcard;q=0.5`: a list of media types (an Accept header). */
const MEDIA_TYPES = /^(?:[a-z*]+\/[a-z0-9.+*-]+(?:;q=[0-9.]+)?(?:,\s*|$))+$/;
/** `a, button, [hidden], h1`: a CSS selector list. */
const SELECTOR_LIST = /^(?:[a-z][a-z0-9-]*|\[[^\]]+\])(?:,\s*(?:[a-z][a-z0-9-]*|\[[^\]]+\]))+$/;
/**
 * `Profile Card: refused …`: an error for another part of the extension or a
 * developer's console, prefixed like console lines; never shown on a page.
 */
const DEVELOPER = /^Profile Card: /;

type Node = {
  type: string;
  loc?: { start: { line: number } };
  [key: string]: unknown;
};

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

function calleeName(node: Node): string | undefined {
  const callee = node.callee as Node | undefined;
  if (!callee) return undefined;
  if (callee.type === 'Identifier') return callee.name as string;
  if (callee.type === 'Import') return 'import';
  if (callee.type === 'MemberExpression') {
    const object = callee.object as Node;
    if (object.type === 'Identifier' && object.name === 'console') return 'console';
    const property = callee.property as Node;
    return property.type === 'Identifier' ? (property.name as string) : undefined;
  }
  return undefined;
}

const textOf = (node: Node): string | undefined => {
  if (node.type === 'StringLiteral') return node.value as string;
  if (node.type === 'TemplateLiteral')
    return (node.quasis as Node[])
      .map((quasi) => (quasi.value as { cooked: string }).cooked)
      .join('…');
  return undefined;
};

export function findLiterals(source: string, file: string): Finding[] {
  const ast = parse(source, {
    sourceType: 'module',
    plugins: ['typescript', ...(file.endsWith('.tsx') ? (['jsx'] as const) : [])],
  });
  const lines = source.split('\n');
  // `// i18n-ignore-start: why` … `// i18n-ignore-end`: a block of format names (CSV columns).
  const inBlock = new Set<number>();
  let open = false;
  for (const [index, text] of lines.entries()) {
    if (/i18n-ignore-start/.test(text)) open = true;
    if (open) inBlock.add(index + 1);
    if (/i18n-ignore-end/.test(text)) open = false;
  }
  const ignored = (line: number) =>
    inBlock.has(line) ||
    /i18n-ignore/.test(lines[line - 1] ?? '') ||
    /i18n-ignore/.test(lines[line - 2] ?? '');
  const found: Finding[] = [];
  const reported = new Set<Node>();
  const report = (node: Node, text: string, where: string) => {
    const line = node.loc?.start.line ?? 0;
    if (reported.has(node) || ignored(line)) return;
    reported.add(node);
    found.push({ line, text: text.trim(), where });
  };

  /** Strings an expression can evaluate to, as rendered text. */
  const shallow = (node: Node | undefined, where: string) => {
    if (!node) return;
    switch (node.type) {
      case 'StringLiteral':
      case 'TemplateLiteral': {
        const text = textOf(node) ?? '';
        if (LETTER.test(text.replace(/\$\{[^}]*\}/g, ''))) report(node, text, where);
        if (node.type === 'TemplateLiteral')
          for (const expression of node.expressions as Node[]) shallow(expression, where);
        return;
      }
      case 'ConditionalExpression':
        shallow(node.consequent as Node, where);
        shallow(node.alternate as Node, where);
        return;
      case 'LogicalExpression':
        shallow(node.left as Node, where);
        shallow(node.right as Node, where);
        return;
      case 'BinaryExpression':
        if (node.operator === '+') {
          shallow(node.left as Node, where);
          shallow(node.right as Node, where);
        }
        return;
      case 'ParenthesizedExpression':
      case 'TSAsExpression':
        shallow(node.expression as Node, where);
        return;
    }
  };

  const visit = (node: Node, parents: Node[]) => {
    const parent = parents.at(-1);
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ExportNamedDeclaration':
      case 'ExportAllDeclaration':
        if (node.source) reported.add(node.source as Node);
        break;
      case 'TSLiteralType':
      case 'TSImportType':
        return;
      case 'CallExpression': {
        const name = calleeName(node);
        if (name && (EXEMPT_CALLS.has(name) || name === 'console'))
          for (const argument of node.arguments as Node[])
            if (argument.type === 'StringLiteral' || argument.type === 'TemplateLiteral')
              reported.add(argument);
        break;
      }
      case 'JSXText': {
        const text = node.value as string;
        if (LETTER.test(text)) report(node, text, 'JSX text');
        break;
      }
      case 'JSXExpressionContainer':
        if (parent?.type === 'JSXElement' || parent?.type === 'JSXFragment')
          shallow(node.expression as Node, 'JSX child');
        break;
      case 'JSXAttribute': {
        const nameNode = node.name as Node;
        const name =
          nameNode.type === 'JSXNamespacedName'
            ? `${(nameNode.namespace as Node).name}:${(nameNode.name as Node).name}`
            : (nameNode.name as string);
        const value = node.value as Node | null;
        if (!value) break;
        if (TECHNICAL.has(name)) {
          // Technical values are never words; their strings are not sentences either.
          const inner =
            value.type === 'JSXExpressionContainer' ? (value.expression as Node) : value;
          if (inner.type === 'StringLiteral' || inner.type === 'TemplateLiteral')
            reported.add(inner);
          break;
        }
        if (value.type === 'StringLiteral') shallow(value, `attribute ${name}`);
        else if (value.type === 'JSXExpressionContainer')
          shallow(value.expression as Node, `attribute ${name}`);
        break;
      }
      case 'ObjectProperty':
      case 'ClassProperty':
        // A key is a name, not text.
        if (!node.computed && isNode(node.key)) reported.add(node.key);
        break;
      case 'StringLiteral':
      case 'TemplateLiteral': {
        const text = textOf(node) ?? '';
        if (
          SENTENCE.test(text) &&
          !MEDIA_QUERY.test(text) &&
          !MEDIA_TYPES.test(text) &&
          !SELECTOR_LIST.test(text) &&
          !DEVELOPER.test(text) &&
          !text.split(/\s+/).every((token) => /^pc-|^$/.test(token))
        )
          report(node, text, 'sentence');
        break;
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments') continue;
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) visit(child, [...parents, node]);
      } else if (isNode(value)) visit(value, [...parents, node]);
    }
  };
  visit(ast.program as unknown as Node, []);
  return found.sort((a, b) => a.line - b.line).map((finding) => ({ ...finding }));
}
