import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react'
import type { Diagnostic } from '../../engine/diagnostics/diagnostic'
import './rules.css'

/**
 * The frame of the Import and Export dialogs: a modal box over a backdrop, named by its heading.
 * Escape is handled by use-keyboard-shortcuts.ts (it closes whatever panel is open); a click on
 * the backdrop or the Close button closes too. Focus moves into the dialog when it opens, Tab
 * cycles inside it (it is modal), and focus goes back to the element that had it when it closes.
 */
export function RuleDialog({ title, onClose, children, className }: { title: string; onClose: () => void; children: ReactNode; className?: string }) {
  const headingId = useId()
  const box = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const before = document.activeElement
    const first = box.current?.querySelector<HTMLElement>('textarea, input, button:not(.rule-dialog-close)')
    first?.focus()
    return () => {
      if (before instanceof HTMLElement) before.focus()
    }
  }, [])

  const keepFocusInside = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'Tab' || !box.current) return
    const focusable = [...box.current.querySelectorAll<HTMLElement>('button:not(:disabled), input:not(:disabled), textarea, [tabindex]:not([tabindex="-1"])')]
    const first = focusable[0]
    const last = focusable.at(-1)
    if (!first || !last) return
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault()
      first.focus()
    }
  }

  return (
    <div className="rule-dialog-backdrop" onPointerDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={box} className={`rule-dialog ${className ?? ''}`} role="dialog" aria-modal="true" aria-labelledby={headingId} onKeyDown={keepFocusInside}>
        <div className="rule-dialog-head">
          <h2 id={headingId}>{title}</h2>
          <button type="button" className="rule-dialog-close" onClick={onClose}>
            Close
          </button>
        </div>
        {children}
      </div>
    </div>
  )
}

/** Problems an import or export found: severity, stable code and message, one per line. */
export function DiagnosticsList({ diagnostics, label }: { diagnostics: readonly Diagnostic[]; label: string }) {
  if (diagnostics.length === 0) return null
  return (
    <ul className="rule-diagnostics" aria-label={label}>
      {diagnostics.map((d, i) => (
        <li key={`${d.code}-${i}`} className={`diagnostic ${d.severity}`}>
          <span className="code-name">{d.code}</span> {d.message}
        </li>
      ))}
    </ul>
  )
}

/** The rule actions module, loaded once on first use (a dialog opening), then shared. */
let loading: Promise<typeof import('./rule-actions')> | null = null

/**
 * Loads src/ui/rules/rule-actions.ts through a dynamic `import()`. A failed load (the chunk could
 * not be fetched) is not cached, so opening the dialog again retries.
 */
export function loadRuleActions(): Promise<typeof import('./rule-actions')> {
  loading ??= import('./rule-actions').catch((error: unknown) => {
    loading = null
    throw error
  })
  return loading
}
