import { lazy, useCallback, useState, useSyncExternalStore, type CSSProperties } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { PALETTE } from '../../scene/constants'
import { loadLand } from '../../scene/landData'
import { useAppStore } from '../../store/appStore'
import { ALL_KINDS, NETWORK_LABELS, type NetworkKind } from '../../store/store'
import { Hud } from '../hud/Hud'
import { CompareBar } from './CompareBar'
import './compare.css'

// The scene (three.js and fiber) is its own chunk: a browser without WebGL never downloads it.
const Globe = lazy(() => import('../../scene/Globe'))

/** The link group of the compare view's two globes: they keep one camera, zoom and Earth rotation. */
const LINK_GROUP = 'compare'

type Side = 'left' | 'right'

/**
 * The globe, or two side by side (stacked on a portrait phone) when comparing. The page's globe stays mounted
 * through both: comparing fixes it to the left network and links its camera to a second globe for the right
 * one; leaving unmounts the second and lets the first show the active network again. Each half has its
 * network's name, a picker for the network it shows, and a compact HUD; the difference between them is said
 * once for both (CompareBar). The halves are laid out alike, and each globe fits the room its half leaves
 * (room.ts), so both get the same treatment.
 */
export function GlobeStage() {
  // The land is fetched now, while the globe's code downloads, not once the scene has started: the first frame
  // waits for it (a failure is the Land layer's to show, when it asks for the same promise).
  useState(() => loadLand().catch(() => undefined))
  const { on, left, right } = useAppStore(useShallow((s) => s.compare))

  return (
    <div className="compare" data-on={on ? 'true' : 'false'}>
      {on ? <CompareBar left={left} right={right} /> : null}
      <div className="compare__half" data-side="left" data-network={on ? left : undefined}>
        {on ? <HalfHead side="left" kind={left} other={right} /> : null}
        <div className="compare__globe">
          <Globe network={on ? left : undefined} linkGroup={on ? LINK_GROUP : undefined} />
        </div>
      </div>
      {on ? (
        <div className="compare__half" data-side="right" data-network={right}>
          <HalfHead side="right" kind={right} other={left} />
          <div className="compare__globe">
            <Globe network={right} linkGroup={LINK_GROUP} />
          </div>
        </div>
      ) : null}
    </div>
  )
}

const SIDE_NAMES: Record<Side, string> = { left: 'First globe shows', right: 'Second globe shows' }

/** Where the halves are narrow (a phone), the picker says the short names the control panel uses. */
const NARROW = '(max-width: 640px)'
const SHORT_LABELS: Record<NetworkKind, string> = {
  centralized: 'Centralized',
  decentralized: 'Multi-region',
  p2p: 'Peer-to-peer',
  imported: 'Imported',
}

/** A half's heading: the network's colour and name, as a picker of the network it shows, and its numbers. */
function HalfHead({ side, kind, other }: { side: Side; kind: NetworkKind; other: NetworkKind }) {
  // Every network built, but never the one the other half shows.
  const choices = useAppStore(useShallow((s) => ALL_KINDS.filter((k) => s.slots[k] !== undefined && k !== other)))
  const setCompare = useAppStore((s) => s.setCompare)
  const names = useMedia(NARROW) ? SHORT_LABELS : NETWORK_LABELS

  return (
    <header className="compare__head" style={{ '--net-color': PALETTE[kind].node } as CSSProperties}>
      <label className="compare__pick">
        <span className="compare__pick-label">{SIDE_NAMES[side]}</span>
        <select
          className="compare__select"
          value={kind}
          data-side={side}
          onChange={(e) => setCompare({ [side]: e.currentTarget.value as NetworkKind })}
        >
          {choices.map((k) => (
            <option key={k} value={k}>
              {names[k]}
            </option>
          ))}
        </select>
      </label>
      <Hud network={kind} compact />
    </header>
  )
}

/** Whether a media query matches now, following its changes. */
function useMedia(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query)
      list.addEventListener('change', onChange)
      return () => list.removeEventListener('change', onChange)
    },
    [query],
  )
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches)
}
