/**
 * What the page keeps where, in plain words (docs/privacy.md says the same at length). Static
 * text on purpose: it describes the code (effects-persist.ts, stored-data.ts), not a reading of
 * the storage, so it is true even when the storage cannot be read.
 */
export function StoredDataList() {
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
