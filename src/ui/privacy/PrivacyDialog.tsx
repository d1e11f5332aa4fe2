import { useContext, useEffect, useRef, useState, type ChangeEvent } from 'react'
import { openDocumentCopy, readDocumentCopyFile } from '../../state/document-copy'
import { RuleDialog } from '../rules/RuleDialog'
import { PlaygroundContext, usePlayground } from '../use-playground'
import { DownloadCopyButton } from './DownloadCopyButton'
import './privacy.css'

/**
 * Privacy & storage: what the page keeps where (in plain words), "Keep my work in this browser"
 * (autosave on/off), a copy to download or open, and "Clear everything stored". The logic is in
 * the store (privacy-slice.ts) and the autosave (effects-persist.ts); this only shows and asks.
 */
export function PrivacyDialog({ onClose }: { onClose: () => void }) {
  const keepWork = usePlayground((s) => s.keepWork)
  const setKeepWork = usePlayground((s) => s.setKeepWork)
  return (
    <RuleDialog title="Privacy & storage" onClose={onClose} className="privacy-dialog">
      <StoredDataList />
      <section aria-labelledby="privacy-keep">
        <h3 id="privacy-keep">Autosave</h3>
        <label className="privacy-toggle">
          <input type="checkbox" checked={keepWork} onChange={(e) => setKeepWork(e.target.checked)} />
          Keep my work in this browser
        </label>
        <p className="hint" data-testid="keep-work-state">
          {keepWork
            ? 'On: the document is saved as you type, so a reload, a crash or a closed tab loses nothing.'
            : 'Off: nothing of your work is stored, and what was stored has been removed. Only this choice is remembered (it holds no data). A reload starts afresh: download a copy to keep your work.'}
        </p>
      </section>
      <section aria-labelledby="privacy-copy">
        <h3 id="privacy-copy">A copy you keep</h3>
        <p className="hint">The whole document (query, settings, rule, exception items, expected outcomes and events) as one file on your machine.</p>
        <div className="rule-dialog-actions">
          <DownloadCopyButton />
          <OpenCopyButton onOpened={onClose} />
        </div>
      </section>
      <ClearEverything />
    </RuleDialog>
  )
}

/** Opens a downloaded copy over the current document, which stays restorable. */
function OpenCopyButton({ onOpened }: { onOpened: () => void }) {
  const store = useContext(PlaygroundContext)
  const [problem, setProblem] = useState<string | null>(null)
  const open = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = e.currentTarget
    const file = input.files?.[0]
    input.value = '' // the same file can be picked again after a fix
    if (!file || !store) return
    const read = await readDocumentCopyFile(file)
    if (!read.ok) return setProblem(read.message)
    setProblem(null)
    openDocumentCopy(store, read)
    onOpened()
  }
  return (
    <>
      <label className="privacy-open-copy">
        Open a copy…
        <input type="file" accept=".json,application/json" onChange={(e) => void open(e)} />
      </label>
      {problem && (
        <p className="rule-problem" role="alert">
          {problem}
        </p>
      )}
    </>
  )
}

/** "Clear everything stored", with a confirmation that says what goes (the page's document too). */
function ClearEverything() {
  const keepWork = usePlayground((s) => s.keepWork)
  const status = usePlayground((s) => s.clearStatus)
  const request = usePlayground((s) => s.requestClearStorage)
  const [confirming, setConfirming] = useState(false)
  // The button pressed is replaced by the confirmation (and back): focus follows, to the safe choice.
  const cancel = useRef<HTMLButtonElement>(null)
  const start = useRef<HTMLButtonElement>(null)
  const asked = useRef(false)
  useEffect(() => {
    if (confirming) cancel.current?.focus()
    else if (asked.current) start.current?.focus()
    asked.current ||= confirming
  }, [confirming])
  return (
    <section aria-labelledby="privacy-clear">
      <h3 id="privacy-clear">Clear everything stored</h3>
      {!confirming ? (
        <button type="button" ref={start} onClick={() => setConfirming(true)}>
          Clear everything stored…
        </button>
      ) : (
        <div className="privacy-confirm" role="group" aria-label="Confirm clearing">
          <p>
            This removes everything this page stored in this browser: the document and its events, the previous document, and pane sizes. The page then reloads and starts as
            on a first visit, so the document on the page goes too (download a copy first to keep it).{' '}
            {keepWork ? '' : 'Autosave stays off. '}Other open tabs of Rule Playground keep their own document and would save it again: close them first. Links you shared and files you
            downloaded are not touched.
          </p>
          <div className="rule-dialog-actions">
            <button type="button" disabled={status.kind === 'clearing'} onClick={request}>
              Clear everything
            </button>
            <button type="button" ref={cancel} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <p className="hint" role="status" data-testid="clear-status" data-clear-status={status.kind}>
        {status.kind === 'clearing' ? 'Clearing…' : status.kind === 'done' ? 'Cleared. Reloading…' : status.kind === 'failed' ? status.message : ''}
      </p>
    </section>
  )
}

/**
 * What the page keeps where, in plain words (docs/privacy.md says the same at length). Static
 * text on purpose: it describes the code (effects-persist.ts, stored-data.ts), not a reading of
 * the storage, so it is true even when the storage cannot be read.
 */
function StoredDataList() {
  return (
    <section aria-labelledby="privacy-where">
      <h3 id="privacy-where">What this page keeps, and where</h3>
      <ul className="privacy-list">
        <li>
          <strong>Nothing is sent anywhere.</strong> Rules run in this tab, and the page loads nothing from any other site.
        </li>
        <li>
          <strong>This browser&apos;s local storage</strong> (for this site only): the document you are working on (query, language, settings, rule details, exception items, expected
          outcomes) with its events when they are small; the previous document, for <em>Restore</em>; the pane sizes.
        </li>
        <li>
          <strong>This browser&apos;s IndexedDB</strong> (database <code>rule-playground</code>): large events and large files you loaded, kept whole.
        </li>
        <li>
          <strong>Not stored:</strong> the theme (it follows your system), results, the time limit.
        </li>
        <li>
          <strong>Share links</strong> carry their document after the <code>#</code>, which the browser never sends to a server. But the link is the data: anyone who has it can
          read it, and chat, tickets and your browser history keep it.
        </li>
        <li>Storage is not encrypted: anyone with access to this browser profile, and browser extensions, can read it.</li>
      </ul>
    </section>
  )
}
