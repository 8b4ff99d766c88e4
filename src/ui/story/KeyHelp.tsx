import { useId } from 'react'
import { KEY_BINDINGS } from '../../story/keys'
import { presenterStore } from './presenterStore'

/** The keys, from the same table the key handler reads, so the help cannot drift from what the keys do. */
export function KeyHelp() {
  const titleId = useId()
  return (
    <div className="story-help" role="dialog" aria-modal="false" aria-labelledby={titleId}>
      <h2 id={titleId}>Keys</h2>
      <table>
        <tbody>
          {KEY_BINDINGS.map((b) => (
            <tr key={b.action} data-action={b.action}>
              <th scope="row">
                <kbd>{b.label}</kbd>
              </th>
              <td>{b.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="story-help__close" onClick={() => presenterStore.setState({ helpOpen: false })}>
        Close
      </button>
    </div>
  )
}
