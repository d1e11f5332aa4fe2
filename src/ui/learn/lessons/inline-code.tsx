import type { ReactNode } from 'react'

/**
 * A task or note with `backticked` parts shown as code: lessons quote operators and fields, and
 * a teacher types them the same way in plain text. Nothing else is interpreted (no HTML).
 */
export function InlineCode({ text }: { text: string }): ReactNode {
  const parts = text.split('`')
  // An odd count of backticks leaves the last one unpaired: show it as typed.
  const paired = parts.length % 2 === 1 ? parts : [...parts.slice(0, -2), `${parts[parts.length - 2] ?? ''}\`${parts[parts.length - 1] ?? ''}`]
  return paired.map((p, i) => (i % 2 === 1 ? <code key={i}>{p}</code> : p))
}
