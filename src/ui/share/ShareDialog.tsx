import { useContext, useEffect, useRef, useState } from 'react'
import type { PreparedLink, ShareOptions } from '../../share/prepare-link'
import type { RedactCandidate } from '../../share/redact-candidates'
import { PlaygroundContext, usePlayground } from '../use-playground'
import { copyText, prepareLink } from './copy-link'
import { RedactPicker, redactList, type RedactChoice } from './RedactPicker'

/**
 * The share dialog: the link of the current document, its length against the limits it will
 * meet, and what to leave out before copying (fields the query does not use, the events, values
 * to redact). The link is made anew on every change, asynchronously (compression streams), the
 * latest request winning; nothing leaves the page but what the user copies.
 */
export function ShareDialog() {
  const store = useContext(PlaygroundContext)
  // The document's parts a link carries: any change makes the link again.
  // (One selector each: a selector returning a new array would re-render forever.)
  const language = usePlayground((s) => s.language)
  const query = usePlayground((s) => s.query)
  const eventsText = usePlayground((s) => s.eventsText)
  const eventsFile = usePlayground((s) => s.eventsFile)
  const settings = usePlayground((s) => s.settings)
  const kqlSettings = usePlayground((s) => s.kqlSettings)
  const title = usePlayground((s) => s.title)
  const task = usePlayground((s) => s.task)
  const expectations = usePlayground((s) => s.expectations)
  const exceptions = usePlayground((s) => s.exceptions)
  const [keepOnly, setKeepOnly] = useState(false)
  const [withoutEvents, setWithoutEvents] = useState(false)
  const [choice, setChoice] = useState<RedactChoice>({ picked: new Set(), typed: '' })
  const [prepared, setPrepared] = useState<PreparedLink | null>(null)
  // true from a change until its link arrives, so a link that no longer matches the options is never copied
  const [pending, setPending] = useState(true)
  // why the link could not be made (never expected: the link code does not throw on user input)
  const [failure, setFailure] = useState<string | null>(null)
  const [candidates, setCandidates] = useState<readonly RedactCandidate[]>([])
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle')
  const input = useRef<HTMLInputElement>(null)
  const latest = useRef(0)
  const redact = redactList(choice)
  const redactKey = redact.join('\n')

  useEffect(() => {
    if (!store) return
    const seq = ++latest.current
    const options: ShareOptions = { keepOnlyQueryFields: keepOnly, withoutEvents, redact: redactKey === '' ? [] : redactKey.split('\n') }
    setCopy('idle')
    setPending(true)
    prepareLink(store.getState(), options).then(
      (p) => {
        if (seq !== latest.current) return
        setPrepared(p)
        setFailure(null)
        setPending(false)
      },
      (e: unknown) => {
        // e.g. the link code failed to load (the page was updated meanwhile): say so, do not spin forever
        if (seq !== latest.current) return
        setFailure(`The link could not be made: ${e instanceof Error ? e.message : String(e)}. Reload the page and try again.`)
        setPending(false)
      },
    )
    // The document's fields are read through getState(); they are listed so any edit remakes the link.
  }, [store, language, query, eventsText, eventsFile, settings, kqlSettings, title, task, expectations, exceptions, keepOnly, withoutEvents, redactKey])

  useEffect(() => {
    let live = true
    void import('../../share/prepare-link').then(({ redactCandidatesOf }) => {
      if (live) setCandidates(redactCandidatesOf(eventsText))
    })
    return () => {
      live = false
    }
  }, [eventsText])

  const onCopy = async (): Promise<void> => {
    if (!prepared) return
    const ok = await copyText(prepared.url)
    setCopy(ok ? 'copied' : 'failed')
    // Selected so that Ctrl+C (or the context menu) copies it by hand.
    if (!ok) input.current?.select()
  }

  const ready = prepared !== null && !pending && failure === null
  const fileEvents = eventsFile !== null
  return (
    <div id="share-dialog" className="share-dialog" role="dialog" aria-label="Share" data-state={ready ? 'ready' : 'preparing'}>
      <h2>Share by link</h2>
      <p className="share-muted">The whole document is in the link itself (after the #): nothing is sent to any server.</p>
      <label className="share-link-field">
        Share link
        <input ref={input} readOnly value={prepared?.url ?? ''} placeholder="Making the link…" onFocus={(e) => e.target.select()} />
      </label>
      {prepared && <LinkLength prepared={prepared} exceptions={exceptions.length} />}
      <fieldset className="share-options">
        <legend>Before copying</legend>
        <label>
          <input type="checkbox" checked={keepOnly} disabled={prepared?.cannotTrim != null || withoutEvents || fileEvents} onChange={(e) => setKeepOnly(e.target.checked)} />
          Keep only the fields the query uses
        </label>
        {prepared?.cannotTrim && <p className="share-muted">{prepared.cannotTrim}</p>}
        {prepared && prepared.events === 'trimmed' && (
          <p className="share-muted" data-testid="share-kept-fields">
            Keeps {prepared.fields.join(', ')}
          </p>
        )}
        <label>
          <input type="checkbox" checked={withoutEvents || fileEvents} disabled={fileEvents} onChange={(e) => setWithoutEvents(e.target.checked)} />
          Leave the events out
        </label>
      </fieldset>
      {prepared?.eventsLeftOut && (
        <p className="share-warning" role="note">
          {prepared.eventsLeftOut}
        </p>
      )}
      {failure && (
        <p className="share-warning" role="alert">
          {failure}
        </p>
      )}
      {prepared?.exceptionsLeftOut && (
        <p className="share-warning" role="note">
          {prepared.exceptionsLeftOut}
        </p>
      )}
      {prepared?.tooLong && (
        <p className="share-warning" role="note">
          {prepared.tooLong}
        </p>
      )}
      {!withoutEvents && !fileEvents && <RedactPicker candidates={candidates} choice={choice} onChange={setChoice} />}
      <div className="share-actions">
        <span role="status" className="share-copy-status">
          {copy === 'copied' ? 'Link copied' : copy === 'failed' ? 'The browser did not let the page copy: the link above is selected, copy it with Ctrl+C.' : ''}
        </span>
        <button type="button" className="primary" disabled={!ready || prepared.tooLong !== null} onClick={() => void onCopy()}>
          Copy link
        </button>
      </div>
    </div>
  )
}

const count = (n: number): string => n.toLocaleString('en-US')

/** The link's length against each common limit, and what the link carries of the events. */
function LinkLength({ prepared, exceptions }: { prepared: PreparedLink; exceptions: number }) {
  const { length, limits } = prepared.length
  const carries = prepared.events === 'all' ? 'all the events' : prepared.events === 'trimmed' ? 'the events trimmed to the fields the query uses' : 'no events'
  return (
    <div className="share-length" data-testid="share-link-length" data-length={length}>
      <p>
        <strong>{count(length)} characters</strong>, with {carries}
        {exceptions > 0 && ` and the ${exceptions === 1 ? 'exception item' : `${count(exceptions)} exception items`}`}.
      </p>
      <ul>
        {limits.map((l) => (
          <li key={l.name} className={l.fits ? 'share-fits' : 'share-too-long'}>
            {l.fits ? '✓ fits' : '✗ too long for'} {l.name} ({count(l.limit)})
          </li>
        ))}
      </ul>
    </div>
  )
}
