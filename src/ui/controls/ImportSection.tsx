import { useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/appStore'
import { MAX_IMPORT_BYTES } from '../../store/store'
import { formatBytes } from './importFile'
import type { FileImport } from './useFileImport'

/** A network from a file: node-link JSON (NetworkX, d3) or a ThreeFold grid node list, picked or dropped. */
export function ImportSection({ fileImport }: { fileImport: FileImport }) {
  const { status, ready } = useAppStore(useShallow((s) => ({ status: s.importStatus, ready: s.status === 'ready' })))
  const input = useRef<HTMLInputElement>(null)
  const { importFile, refused } = fileImport
  const loading = status.state === 'loading' && !refused

  return (
    <section className="ctl-section" aria-labelledby="ctl-import-title">
      <h2 className="ctl-section__title" id="ctl-import-title">
        Your own network
      </h2>
      <p className="ctl-message" id="ctl-import-hint">
        Node-link JSON (NetworkX, d3) or a ThreeFold grid node list, up to {formatBytes(MAX_IMPORT_BYTES)}. Or drop the
        file anywhere on the page.
      </p>
      {/* The native picker, opened by a real button: keyboard and screen readers get a plain "Choose a file". */}
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        tabIndex={-1}
        aria-hidden="true"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0]
          // Cleared so that picking the same file again (after fixing it) imports it again.
          e.target.value = ''
          if (file) void importFile(file)
        }}
      />
      <div className="ctl-row">
        <button
          type="button"
          className="ctl-button ctl-button--wide"
          aria-describedby="ctl-import-hint"
          disabled={!ready || loading}
          onClick={() => input.current?.click()}
        >
          {loading ? 'Importing…' : 'Choose a file…'}
        </button>
      </div>
      <div className="ctl-import-status" role="status" data-state={refused ? 'failed' : status.state}>
        {refused ? (
          <p className="ctl-message ctl-message--error">{refused}. The network on screen stays.</p>
        ) : status.state === 'loading' ? (
          <p className="ctl-message">Importing {status.name}…</p>
        ) : status.state === 'failed' ? (
          <p className="ctl-message ctl-message--error">
            {status.name} could not be imported: {status.error}. The network on screen stays.
          </p>
        ) : status.state === 'done' ? (
          <>
            <p className="ctl-message ctl-message--ok">Imported {status.name}: it is on screen as “Imported”.</p>
            {status.warnings.length > 0 && (
              <ul className="ctl-warnings" aria-label="What had to be assumed">
                {status.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            )}
          </>
        ) : null}
      </div>
    </section>
  )
}
