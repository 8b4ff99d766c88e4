import './dock.css'
import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent as ReactKeyboardEvent } from 'react'
import { PALETTE } from '../../scene/constants'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/appStore'
import { ALL_KINDS, NETWORK_LABELS, type NetworkKind } from '../../store/store'
import { chromeStore, useChrome, type Part } from '../chrome'
import { failureStore, useFailure } from '../controls/failureStore'
import { failureLabel, specFromFields } from '../controls/scenarioForm'
import { useTask } from '../controls/useTask'
import { formatClock } from '../hud/format'
import { useHeightVar } from '../useHeightVar'
import { FAILURE_PRESETS } from './presets'

/** The dock's short names; the HUD and the legend give the full ones. */
const SHORT: Record<NetworkKind, string> = {
  centralized: 'Centralized',
  decentralized: 'Multi-region',
  p2p: 'Peer-to-peer',
  imported: 'Imported',
}

/** Shorter still, for a frame a few hundred pixels across (dock.css shows one or the other). */
const TINY: Record<NetworkKind, string> = {
  centralized: 'Cloud',
  decentralized: 'Multi',
  p2p: 'P2P',
  imported: 'Import',
}

/**
 * The one bar a first-time visitor needs, at the bottom edge: the three networks, Fail (the failure chosen, in
 * one click; the menu beside it for the others), the clock with play and pause, and the doors to the timeline,
 * the legend and every other control (a drawer). Only with the page's full chrome.
 */
export function Dock() {
  const shown = useAppStore((s) => s.ui === 'full')
  const bar = useRef<HTMLElement>(null)

  // What opens above the dock (the timeline, the legend, the drawer) stands on it: its height, for layout.css.
  useHeightVar(bar, '--dock-h', shown)

  if (!shown) return null
  return (
    <nav ref={bar} className="dock" data-chrome aria-label="Dock">
      <NetworkPicker />
      <div className="dock__group dock__group--act">
        <FailButton />
        <Clock />
      </div>
      <div className="dock__group dock__group--open">
        <OpenButton part="timeline" label="Timeline" controls="timeline" />
        <OpenButton part="legend" label="Legend" controls="legend" />
        <OpenButton part="drawer" label="Controls" controls="controls" icon="menu" />
      </div>
    </nav>
  )
}

/** The network on screen, one press each: a group of radio buttons (arrow keys move between them). */
function NetworkPicker() {
  const active = useAppStore((s) => s.active)
  // Which networks are built, as one string: a new array per call would never compare equal.
  const builtKey = useAppStore((s) => ALL_KINDS.filter((k) => s.slots[k] !== undefined).join(' '))
  const built = builtKey.split(' ')
  const setNetwork = useAppStore((s) => s.setNetwork)
  const kinds = ALL_KINDS.filter((k) => k !== 'imported' || built.includes(k))
  const refs = useRef<Partial<Record<NetworkKind, HTMLButtonElement | null>>>({})

  const onKey = (e: ReactKeyboardEvent) => {
    const step =
      e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0
    if (step === 0) return
    e.preventDefault()
    const ready = kinds.filter((k) => built.includes(k))
    const next = ready[(ready.indexOf(active) + step + ready.length) % ready.length]
    if (!next) return
    setNetwork(next)
    refs.current[next]?.focus()
  }

  return (
    <div className="dock__networks" role="radiogroup" aria-label="Network on screen" onKeyDown={onKey}>
      {kinds.map((kind) => (
        <button
          key={kind}
          ref={(el) => {
            refs.current[kind] = el
          }}
          type="button"
          role="radio"
          className="dock__network"
          data-network={kind}
          aria-checked={kind === active}
          tabIndex={kind === active ? 0 : -1}
          disabled={!built.includes(kind)}
          title={NETWORK_LABELS[kind]}
          // The network's colour, as on the globe; through the CSSOM (the page's CSP refuses style attributes).
          style={{ '--net-color': PALETTE[kind].node } as CSSProperties}
          onClick={() => setNetwork(kind)}
        >
          <span className="dock__swatch" aria-hidden="true" />
          <span className="dock__name">{SHORT[kind]}</span>
          <span className="dock__name-tiny" aria-hidden="true">
            {TINY[kind]}
          </span>
        </button>
      ))}
    </div>
  )
}

/**
 * Fail: runs the failure the controls hold (a regional disaster in Northern Virginia at first) on every network,
 * in one press; the menu beside it offers the common others, each in one more press. Until the first failure runs
 * the button draws the eye (dock.css).
 */
function FailButton() {
  const { ready, started } = useAppStore(
    useShallow((s) => ({ ready: s.status === 'ready', started: s.scenarioStartedAt !== null })),
  )
  const runScenario = useAppStore((s) => s.runScenario)
  const openPanel = useAppStore((s) => s.openPanel)
  const fields = useFailure((s) => s.fields)
  const [open, setOpen] = useState(false)
  const [used, setUsed] = useState(false)
  const task = useTask()
  const menuId = useId()
  const menu = useRef<HTMLDivElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  const spec = specFromFields(fields)

  const run = (s: typeof spec) => {
    if (!s.ok) {
      // A field the visitor typed wrong: the controls say which.
      chromeStore.getState().toggle('drawer', true)
      return
    }
    setUsed(true)
    void task.run(() => runScenario(s.spec))
  }

  // The menu closes on a press elsewhere, and its first item takes the focus when it opens.
  useEffect(() => {
    if (!open) return
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
    const onDown = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !toggle.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onDown)
    return () => document.removeEventListener('pointerdown', onDown)
  }, [open])

  const onMenuKey = (e: ReactKeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
    const at = items.indexOf(document.activeElement as HTMLElement)
    if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      setOpen(false)
      toggle.current?.focus()
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const next = items[(at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]
      next?.focus()
    } else if (e.key === 'Tab') {
      setOpen(false)
    }
  }

  return (
    <div className="dock__fail" data-used={used || started ? 'true' : 'false'}>
      <button
        type="button"
        className="dock__button dock__button--fail"
        data-action="fail"
        disabled={!ready || task.busy}
        title="Run this failure on every network at once"
        onClick={() => run(spec)}
      >
        <span className="dock__bolt" aria-hidden="true" />
        <span className="dock__fail-text">
          Fail<span className="dock__fail-what">: {failureLabel(fields)}</span>
        </span>
      </button>
      <button
        ref={toggle}
        type="button"
        className="dock__button dock__button--more"
        data-action="fail-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label="Other failures"
        disabled={!ready}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="dock__chevron" aria-hidden="true" />
      </button>
      {open && (
        <div ref={menu} id={menuId} className="dock__menu" role="menu" aria-label="Failures" onKeyDown={onMenuKey}>
          {FAILURE_PRESETS.map((p) => (
            <button
              key={p.id}
              type="button"
              role="menuitem"
              className="dock__item"
              data-preset={p.id}
              onClick={() => {
                setOpen(false)
                failureStore.getState().show(p.spec)
                run({ ok: true, spec: p.spec })
              }}
            >
              <span className="dock__item-name">{p.name}</span>
              <span className="dock__item-hint">{p.hint}</span>
            </button>
          ))}
          <button
            type="button"
            role="menuitem"
            className="dock__item dock__item--more"
            data-preset="incidents"
            data-opens="incidents"
            onClick={() => {
              setOpen(false)
              openPanel('incidents')
            }}
          >
            <span className="dock__item-name">Recorded outages: replay a real one…</span>
            <span className="dock__item-hint">AWS, Cloudflare, Fastly, Facebook, CrowdStrike and more</span>
          </button>
          <button
            type="button"
            role="menuitem"
            className="dock__item dock__item--more"
            data-preset="custom"
            onClick={() => {
              setOpen(false)
              chromeStore.getState().toggle('drawer', true)
            }}
          >
            <span className="dock__item-name">Every scenario and its parameters…</span>
          </button>
        </div>
      )}
      {task.error && (
        <p className="dock__error" role="alert">
          {task.error}
        </p>
      )}
    </div>
  )
}

/** The simulated clock, with play and pause beside it, and the way back to healthy once something ran. */
function Clock() {
  const { ready, playing, t, started } = useAppStore(
    useShallow((s) => ({
      ready: s.status === 'ready',
      playing: s.playing,
      t: s.slots[s.active]?.view.t ?? 0,
      started: s.scenarioStartedAt !== null,
    })),
  )
  const { play, pause, reset } = useAppStore(useShallow((s) => ({ play: s.play, pause: s.pause, reset: s.reset })))
  const task = useTask()
  return (
    <div className="dock__time">
      <button
        type="button"
        className="dock__button dock__button--icon"
        data-action="dock-play"
        aria-label={playing ? 'Pause' : 'Play'}
        title={playing ? 'Pause the clock' : 'Run the clock'}
        disabled={!ready}
        onClick={() => (playing ? pause() : play())}
      >
        <span className={`dock__icon dock__icon--${playing ? 'pause' : 'play'}`} aria-hidden="true" />
      </button>
      <span className="dock__clock" role="timer" aria-label="Simulated time">
        {formatClock(t)}
      </span>
      {started && (
        <button
          type="button"
          className="dock__button"
          data-action="dock-reset"
          title="Back to healthy networks at T+0"
          disabled={!ready || task.busy}
          onClick={() => void task.run(() => reset())}
        >
          Reset
        </button>
      )}
    </div>
  )
}

/** A door to a part of the chrome that stays closed until asked for. */
function OpenButton({ part, label, controls, icon }: { part: Part; label: string; controls: string; icon?: 'menu' }) {
  const open = useChrome((s) => s[part])
  return (
    <button
      type="button"
      className="dock__button dock__button--open"
      data-action={`open-${part}`}
      aria-expanded={open}
      aria-controls={controls}
      aria-label={label}
      onClick={() => chromeStore.getState().toggle(part)}
    >
      {icon && <span className={`dock__icon dock__icon--${icon}`} aria-hidden="true" />}
      <span className={icon ? 'dock__open-label dock__open-label--iconic' : 'dock__open-label'}>{label}</span>
    </button>
  )
}
