import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'

/** Percentage points an arrow key moves a separator (Shift: finer). */
const KEY_STEP = 5
const FINE_STEP = 1

export interface PaneSeparatorProps {
  readonly label: string
  /** id of the pane before the separator (the one its value is the size of) */
  readonly controls: string
  readonly value: number
  readonly min: number
  readonly max: number
  /** the width that 100 percentage points span, in CSS pixels, read when a drag starts */
  readonly rowWidth: () => number
  /** a drag starts: later `onMove(delta, 'start')` calls measure from the sizes as they are now */
  readonly onStart: () => void
  /** moves the separator by `delta` percentage points from the drag's start or from where it is */
  readonly onMove: (delta: number, from: 'start' | 'current') => void
  /** the user let go (drag ended, or a key step): the sizes are a preference to save */
  readonly onCommit: () => void
}

/**
 * A vertical separator between two side-by-side panes: drag with a pointer, or focus it and use
 * the arrow keys (Home/End: as far as it goes). A WAI-ARIA window splitter: role `separator` with
 * the size of the pane before it as its value.
 */
export function PaneSeparator({ label, controls, value, min, max, rowWidth, onStart, onMove, onCommit }: PaneSeparatorProps) {
  const drag = useRef<{ x: number; width: number } | null>(null)
  const [active, setActive] = useState(false)

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return
    e.preventDefault() // no text selection while dragging
    e.currentTarget.setPointerCapture(e.pointerId)
    drag.current = { x: e.clientX, width: Math.max(1, rowWidth()) }
    setActive(true)
    onStart()
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (d) onMove(((e.clientX - d.x) / d.width) * 100, 'start')
  }
  const end = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return
    drag.current = null
    setActive(false)
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId)
    onCommit()
  }
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? FINE_STEP : KEY_STEP
    const delta = { ArrowLeft: -step, ArrowRight: step, Home: min - value, End: max - value }[e.key]
    if (delta === undefined) return
    e.preventDefault()
    onMove(delta, 'current')
    onCommit()
  }

  return (
    <div
      role="separator"
      aria-label={label}
      aria-orientation="vertical"
      aria-controls={controls}
      aria-valuenow={Math.round(value)}
      aria-valuemin={Math.round(min)}
      aria-valuemax={Math.round(max)}
      tabIndex={0}
      className="pane-separator"
      data-separator={active ? 'active' : 'inactive'}
      style={{ touchAction: 'none', flex: 'none' }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      onKeyDown={onKeyDown}
    />
  )
}
