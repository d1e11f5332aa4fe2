import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla'
import { createAlertsSlice, type AlertsSlice } from './alerts-slice'
import { createAnalysisSlice, type AnalysisSlice } from './analysis-slice'
import { createBaselineSlice, type BaselineSlice } from './baseline-slice'
import { createCompareSlice, type CompareSlice } from './compare-slice'
import { createDocumentSlice, type DocumentInit, type DocumentSlice } from './document-slice'
import { createEventsSlice, type EventsInit, type EventsSlice } from './events-slice'
import { createPrivacySlice, type PrivacyInit, type PrivacySlice } from './privacy-slice'
import { createResultsViewSlice, type ResultsViewSlice } from './results-view-slice'
import { createRunSlice, type RunInit, type RunSlice } from './run-slice'
import { createShellSlice, type ShellInit, type ShellSlice } from './shell-slice'

/**
 * The playground's one store, built by a factory so every test (and every page) gets its own.
 * It is composed of slices, each in its own file with its own owner, so features grow without
 * editing each other's code:
 * - document-slice.ts: query, language, rule settings, document id (persisted);
 * - run-slice.ts: run status, report, failure, timings;
 * - events-slice.ts: the events and what the worker made of them (persisted);
 * - results-view-slice.ts: how the results are viewed (filters, selection, hover);
 * - shell-slice.ts: theme, pane sizes, open panel, storage problems;
 * - privacy-slice.ts: whether autosave keeps work in this browser, clearing what it stored.
 * Actions are verbs and only change state; talking to the worker and to storage happens in
 * effects*.ts, which subscribe to this store.
 */

export type { RunStatus } from './run-slice'
export type { QueryLanguage, KqlDocumentSettings, DocumentSnapshot } from './document-slice'
export type { ColorScheme, PaneLayout } from './shell-slice'

export type PlaygroundState = DocumentSlice & RunSlice & EventsSlice & ResultsViewSlice & ShellSlice & BaselineSlice & AnalysisSlice & CompareSlice & AlertsSlice & PrivacySlice

/** A slice: its part of the state, built with `set`/`get` over the whole state. */
export type SliceCreator<T> = StateCreator<PlaygroundState, [], [], T>

export type PlaygroundStore = StoreApi<PlaygroundState>

export type InitialState = DocumentInit & RunInit & EventsInit & ShellInit & PrivacyInit

export function createPlaygroundStore(initial: InitialState = {}): PlaygroundStore {
  return createStore<PlaygroundState>()((...a) => ({
    ...createDocumentSlice(initial)(...a),
    ...createRunSlice(initial)(...a),
    ...createEventsSlice(initial)(...a),
    ...createResultsViewSlice()(...a),
    ...createShellSlice(initial)(...a),
    ...createBaselineSlice()(...a),
    ...createAnalysisSlice()(...a),
    ...createCompareSlice()(...a),
    ...createAlertsSlice()(...a),
    ...createPrivacySlice(initial)(...a),
  }))
}
