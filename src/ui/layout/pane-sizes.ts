import type { PaneLayout } from '../../state/shell-slice'

/**
 * The arithmetic of the side-by-side panes: sizes are percentages of the row (separators aside),
 * one per pane, summing to 100. Kept apart from the component so it is tested without a DOM.
 */

/** One resizable row of panes: their ids (the keys of the saved layout), minimum and default sizes. */
export interface PaneRow {
  readonly ids: readonly string[]
  readonly minSizes: readonly number[]
  readonly defaultSizes: readonly number[]
}

/**
 * The sizes to start from: the saved layout when it names every pane with a positive number
 * (scaled to 100 and held to the minimums), else the defaults. A saved layout is user data from
 * storage, so anything else in it is ignored rather than trusted.
 */
export function sizesFrom(row: PaneRow, saved: PaneLayout | undefined): number[] {
  if (!saved) return [...row.defaultSizes]
  const raw = row.ids.map((id) => saved[id])
  if (!raw.every((v): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0)) return [...row.defaultSizes]
  const total = raw.reduce((sum, v) => sum + v, 0)
  const scaled = raw.map((v) => (v / total) * 100)
  // Held to the minimums by taking the shortfall from the panes that have room, widest first.
  let shortfall = 0
  const held = scaled.map((v, i) => {
    const min = row.minSizes[i] ?? 0
    if (v >= min) return v
    shortfall += min - v
    return min
  })
  if (shortfall === 0) return held
  const order = held.map((_, i) => i).sort((a, b) => (held[b] ?? 0) - (held[a] ?? 0))
  for (const i of order) {
    const room = (held[i] ?? 0) - (row.minSizes[i] ?? 0)
    const take = Math.min(room, shortfall)
    held[i] = (held[i] ?? 0) - take
    shortfall -= take
  }
  return shortfall > 1e-9 ? [...row.defaultSizes] : held
}

/**
 * Moves the separator after pane `index` by `delta` percentage points (positive: rightwards); only
 * the two panes beside it change, each kept at or above its minimum.
 */
export function resizeAt(row: PaneRow, sizes: readonly number[], index: number, delta: number): number[] {
  const left = sizes[index]
  const right = sizes[index + 1]
  if (left === undefined || right === undefined || !Number.isFinite(delta)) return [...sizes]
  const minLeft = row.minSizes[index] ?? 0
  const minRight = row.minSizes[index + 1] ?? 0
  const moved = Math.max(minLeft - left, Math.min(right - minRight, delta))
  const next = [...sizes]
  next[index] = left + moved
  next[index + 1] = right - moved
  return next
}

/** The layout to save: sizes by pane id. */
export function layoutOf(row: PaneRow, sizes: readonly number[]): PaneLayout {
  return Object.fromEntries(row.ids.map((id, i) => [id, sizes[i] ?? 0]))
}
