/** The Share button and its dialog (issue 5): placeholder. */
export function ShareButton() {
  return (
    <button type="button" disabled title="Sharing arrives with share links">
      Share
    </button>
  )
}
