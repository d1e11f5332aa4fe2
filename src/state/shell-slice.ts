import type { SliceCreator } from './store'

/**
 * The page around the document: theme, pane sizes, which panel is open, and storage trouble.
 * None of it is part of a document ("New" keeps it); pane sizes are persisted on their own.
 */

export type ColorScheme = 'light' | 'dark'

/** A group's pane sizes, percentages by pane id (what the pane splitter in src/ui/layout saves). */
export type PaneLayout = Readonly<Record<string, number>>

/**
 * Panels that Escape closes. `reference`, `lessons`, `compare` and `rule` (the rule's metadata) dock beside the
 * panes (the user edits while reading them); the others are popovers or dialogs over the page.
 */
export type OpenPanel = 'settings' | 'examples' | 'reference' | 'lessons' | 'compare' | 'rule' | 'import' | 'export' | 'share' | 'privacy' | null

/** The panels that dock beside the workspace instead of floating over it. */
export const DOCKED_PANELS: ReadonlySet<OpenPanel> = new Set<OpenPanel>(['reference', 'lessons', 'compare', 'rule'])

export interface ShellSlice {
  /** the system's colour scheme, followed live (the Monaco theme reads it too) */
  readonly colorScheme: ColorScheme
  /** pane sizes by group id, as the user last dragged them */
  readonly paneLayouts: Readonly<Record<string, PaneLayout>>
  readonly openPanel: OpenPanel
  /** why autosave (or restore) failed; shown in a banner until a save succeeds */
  readonly storageProblem: string | null
  /** why the share link in the address could not be opened; shown until dismissed */
  readonly linkProblem: string | null
  /** whether the first-visit guided notes are showing */
  readonly guideOpen: boolean

  setColorScheme(scheme: ColorScheme): void
  setPaneLayout(groupId: string, layout: PaneLayout): void
  /** opens `panel`, or closes it when it is already open */
  togglePanel(panel: Exclude<OpenPanel, null>): void
  /** opens `panel` (closing any other) */
  openPanelNamed(panel: Exclude<OpenPanel, null>): void
  closePanel(): void
  reportStorageProblem(message: string | null): void
  reportLinkProblem(message: string | null): void
  setGuideOpen(open: boolean): void
}

export interface ShellInit {
  readonly colorScheme?: ColorScheme
  readonly paneLayouts?: Readonly<Record<string, PaneLayout>>
  readonly storageProblem?: string | null
  readonly guideOpen?: boolean
}

export const createShellSlice =
  (init: ShellInit = {}): SliceCreator<ShellSlice> =>
  (set) => ({
    colorScheme: init.colorScheme ?? 'light',
    paneLayouts: init.paneLayouts ?? {},
    openPanel: null,
    storageProblem: init.storageProblem ?? null,
    linkProblem: null,
    guideOpen: init.guideOpen ?? false,

    setColorScheme: (colorScheme) => set({ colorScheme }),
    setPaneLayout: (groupId, layout) => set((s) => ({ paneLayouts: { ...s.paneLayouts, [groupId]: layout } })),
    togglePanel: (panel) => set((s) => ({ openPanel: s.openPanel === panel ? null : panel })),
    openPanelNamed: (panel) => set({ openPanel: panel }),
    closePanel: () => set({ openPanel: null }),
    reportStorageProblem: (storageProblem) => set((s) => (s.storageProblem === storageProblem ? {} : { storageProblem })),
    reportLinkProblem: (linkProblem) => set({ linkProblem }),
    setGuideOpen: (guideOpen) => set({ guideOpen }),
  })
