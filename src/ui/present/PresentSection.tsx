import './present.css'
import { useEffect, useRef, useState } from 'react'
import { appStore, useAppStore } from '../../store/appStore'
import { NETWORK_LABELS } from '../../store/store'
import { SCENE_THEMES } from '../../scene/constants'
import { ThemePicker } from '../theme/ThemePicker'
import { captureGlobePng, download, globeCanvases } from './capture'
import { buildEmbedUrl, iframeCode } from './embedCode'
import { captureFileName } from './fileName'
import { canRecordWebm, startRecording, type Recording } from './recorder'

type Message = { tone: 'ok' | 'error'; text: string } | null

/** The file name for what is on screen now. */
function nameNow(extension: 'png' | 'webm'): string {
  const s = appStore.getState()
  return captureFileName({
    network: s.compare.on ? `${s.compare.left}-vs-${s.compare.right}` : s.active,
    scenario: s.scenario.kind,
    simMinutes: s.slots[s.active]?.view.metrics.t ?? 0,
    date: new Date(),
    extension,
  })
}

/** The demo's own address, without its query, for the embed link. */
function demoBase(): string {
  return `${window.location.origin}${window.location.pathname}`
}

/**
 * For slides and other pages: the theme, a picture of the globe, a clip of it, and the code to embed the view on
 * screen in another page.
 */
export function PresentSection() {
  const ready = useAppStore((s) => s.status === 'ready')
  const [message, setMessage] = useState<Message>(null)
  const [code, setCode] = useState<string | null>(null)
  const [recording, setRecording] = useState<{ rec: Recording; since: number } | null>(null)
  const [seconds, setSeconds] = useState(0)
  const [canRecord] = useState(canRecordWebm)
  const codeField = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    if (!recording) return
    const timer = setInterval(() => setSeconds(Math.floor((performance.now() - recording.since) / 1000)), 500)
    return () => clearInterval(timer)
  }, [recording])

  useEffect(() => {
    codeField.current?.select()
  }, [code])

  const savePng = async () => {
    setMessage(null)
    try {
      const blob = await captureGlobePng(SCENE_THEMES[appStore.getState().theme].background)
      const name = nameNow('png')
      download(blob, name)
      setMessage({ tone: 'ok', text: `Saved ${name}` })
    } catch (e) {
      setMessage({ tone: 'error', text: `Could not save the picture: ${e instanceof Error ? e.message : String(e)}` })
    }
  }

  const toggleRecording = async () => {
    setMessage(null)
    if (recording) {
      setRecording(null)
      const blob = await recording.rec.stop()
      const name = nameNow('webm')
      download(blob, name)
      setMessage({ tone: 'ok', text: `Saved ${name}` })
      return
    }
    const canvas = globeCanvases()[0]
    if (!canvas) return
    try {
      const rec = await startRecording(canvas)
      setSeconds(0)
      setRecording({ rec, since: performance.now() })
    } catch (e) {
      setMessage({ tone: 'error', text: `Could not record: ${e instanceof Error ? e.message : String(e)}` })
    }
  }

  const copyEmbed = async () => {
    setMessage(null)
    const s = appStore.getState()
    const { url, omitted } = buildEmbedUrl(demoBase(), {
      network: s.active,
      scenario: s.scenario,
      seed: s.seed,
      nodes: s.specs.p2p.kind === 'p2p' ? s.specs.p2p.nodes : undefined,
      theme: s.theme,
      compare: s.compare.on ? { left: s.compare.left, right: s.compare.right } : undefined,
    })
    const html = iframeCode(url)
    const note = omitted.length > 0 ? ` ${omitted.join(' ')}` : ''
    try {
      await navigator.clipboard.writeText(html)
      setCode(null)
      setMessage({ tone: 'ok', text: `Embed code for ${NETWORK_LABELS[s.active]} copied.${note}` })
    } catch {
      // No clipboard (permission refused, an insecure page): the code to copy by hand.
      setCode(html)
      setMessage({ tone: 'ok', text: `Copy the code below.${note}` })
    }
  }

  return (
    <section className="ctl-section present" aria-labelledby="ctl-present-title">
      <h2 className="ctl-section__title" id="ctl-present-title">
        Present and share
      </h2>
      <ThemePicker />
      <div className="ctl-row ctl-row--wrap">
        <button type="button" className="ctl-button" data-action="save-png" disabled={!ready} onClick={savePng}>
          Save PNG
        </button>
        {canRecord && (
          <button
            type="button"
            className="ctl-button present__record"
            data-action="record"
            aria-pressed={recording !== null}
            disabled={!ready}
            onClick={toggleRecording}
          >
            {recording ? (
              <>
                <span className="present__dot" aria-hidden="true" />
                Stop recording {Math.floor(seconds / 60)}:{String(seconds % 60).padStart(2, '0')}
              </>
            ) : (
              'Record clip'
            )}
          </button>
        )}
        <button type="button" className="ctl-button" data-action="embed" disabled={!ready} onClick={copyEmbed}>
          Copy embed code
        </button>
      </div>
      {!canRecord && (
        <p className="ctl-message" data-role="no-recording">
          This browser cannot record WebM video from the page, so there is no clip recording here. Save PNG works.
        </p>
      )}
      <p className="ctl-message" role="status" data-tone={message?.tone}>
        {message?.text}
      </p>
      {code !== null && (
        <label className="ctl-field">
          <span className="ctl-field__label">Embed code</span>
          <textarea
            ref={codeField}
            className="ctl-input present__code"
            readOnly
            rows={4}
            value={code}
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
      )}
    </section>
  )
}
