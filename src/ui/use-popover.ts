import { useEffect, useRef, type RefObject } from 'react'
import type { OpenPanel } from '../state/shell-slice'
import { usePlayground } from './use-playground'

/** A header popover's state: whether it is open, its toggle, and the ref of its anchor element. */
export interface Popover {
  readonly open: boolean
  readonly toggle: () => void
  readonly close: () => void
  readonly root: RefObject<HTMLDivElement | null>
}

/**
 * One of the header's popovers (rule settings, examples, share): open while the store's
 * `openPanel` names it, so opening one closes the others and Escape (use-keyboard-shortcuts.ts)
 * closes any; a pointer press outside the anchor `root` closes it too, as menus do.
 */
export function usePopover(panel: Exclude<OpenPanel, null>): Popover {
  const open = usePlayground((s) => s.openPanel === panel)
  const togglePanel = usePlayground((s) => s.togglePanel)
  const close = usePlayground((s) => s.closePanel)
  const root = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const onPointer = (e: PointerEvent): void => {
      if (root.current && e.target instanceof Node && !root.current.contains(e.target)) close()
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open, close])

  return { open, toggle: () => togglePanel(panel), close, root }
}
