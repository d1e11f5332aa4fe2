import type { PreparedLink } from '../../share/prepare-link'

const count = (n: number): string => n.toLocaleString('en-US')

/** The link's length against each common limit, and what the link carries of the events. */
export function LinkLength({ prepared }: { prepared: PreparedLink }) {
  const { length, limits } = prepared.length
  const carries = prepared.events === 'all' ? 'all the events' : prepared.events === 'trimmed' ? 'the events trimmed to the fields the query uses' : 'no events'
  return (
    <div className="share-length" data-testid="share-link-length" data-length={length}>
      <p>
        <strong>{count(length)} characters</strong>, with {carries}.
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
