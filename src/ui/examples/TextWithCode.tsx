/**
 * Plain text in which `backquoted` parts are code, as the examples' notes and the guide write
 * them. Only backquotes are read: the text is never parsed as Markdown or HTML.
 */
export function TextWithCode({ text }: { text: string }) {
  const parts = text.split('`')
  // An odd number of backquotes leaves the last one literal rather than opening code that never ends.
  const closed = parts.length % 2 === 1
  return (
    <>
      {parts.map((part, i) => {
        const isCode = i % 2 === 1 && (closed || i < parts.length - 1)
        if (isCode) return <code key={i}>{part}</code>
        return <span key={i}>{i % 2 === 1 ? `\`${part}` : part}</span>
      })}
    </>
  )
}
