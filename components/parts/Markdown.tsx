/**
 * Renders components/parts/markdown.ts's blocks as Preact elements: text stays
 * text. Headings are shifted by `headingOffset` so a document's `#` can sit
 * under a page's own <h1> (What's new) or be the page's <h1> (privacy).
 * Links open in a new tab, by the user's click only.
 */
import type { Block, Inline } from './markdown';

function InlineText({ parts }: { parts: Inline[] }) {
  return (
    <>
      {parts.map((part, index) => {
        const key = `${index}-${part.kind}`;
        if (part.kind === 'code') return <code key={key}>{part.text}</code>;
        if (part.kind === 'strong') return <strong key={key}>{part.text}</strong>;
        if (part.kind === 'link')
          return (
            <a key={key} href={part.href} target="_blank" rel="noopener noreferrer">
              {part.text}
            </a>
          );
        return part.text;
      })}
    </>
  );
}

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

export function Markdown({
  blocks,
  headingOffset = 0,
}: {
  blocks: Block[];
  headingOffset?: number;
}) {
  return (
    <>
      {blocks.map((block, index) => {
        const key = `${index}-${block.kind}`;
        if (block.kind === 'heading') {
          const Tag = HEADINGS[Math.min(5, block.level - 1 + headingOffset)] ?? 'h6';
          return (
            <Tag key={key}>
              <InlineText parts={block.content} />
            </Tag>
          );
        }
        if (block.kind === 'list')
          return (
            <ul key={key}>
              {block.items.map((item, itemIndex) => (
                <li key={`${index}-${itemIndex}`}>
                  <InlineText parts={item} />
                </li>
              ))}
            </ul>
          );
        return (
          <p key={key}>
            <InlineText parts={block.content} />
          </p>
        );
      })}
    </>
  );
}
