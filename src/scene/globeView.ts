/**
 * What one globe shows, for every layer in its canvas. The app's globe shows the active network, cross-fading
 * when it changes; a globe of the compare view shows one network, fixed (`<Globe network="p2p" />`). Layers read
 * it from this context, so the same layer code serves both. Without a provider (layer tests) a globe shows the
 * active network.
 */

import { createContext, useContext } from 'react'
import { resolveScenario, scenarioPlace, type Place } from '../sim/scenarios'
import type { Network } from '../sim/network'
import type { AppState, NetworkKind } from '../store/store'
import { SWITCH_SECONDS } from './constants'
import type { LinkMember } from './cameraLink'
import type { Room } from './room'

/** A disaster area being drawn with the pointer (Picking writes it, DisasterArea draws it). */
export interface DraftArea {
  active: boolean
  lat: number
  lon: number
  radiusKm: number
}

export interface GlobeView {
  /** The network shown, fixed; null: the active one. */
  network: NetworkKind | null
  /** This globe's disaster area being drawn, if any: one mutable object per globe, never replaced. */
  draft: DraftArea
  /** This globe's place in a group of linked cameras, if any. */
  link: LinkMember | null
  /** The part of its canvas the page's chrome leaves free (room.ts): one mutable object per globe. */
  room: RoomState
}

/** A globe's room, and a count bumped whenever it changes (the camera and the labels follow it). */
export interface RoomState extends Room {
  /** 0 until the room is first measured: until then the whole canvas is the room. */
  version: number
}

export function createDraftArea(): DraftArea {
  return { active: false, lat: 0, lon: 0, radiusKm: 0 }
}

export function createRoomState(): RoomState {
  return { left: 0, top: 0, width: 0, height: 0, version: 0 }
}

/** The room in a canvas of the given size: the measured one, or the whole canvas before any is measured. */
export function roomIn(room: RoomState, width: number, height: number, out: Room): Room {
  const measured = room.version > 0 && room.width > 0 && room.height > 0
  out.left = measured ? room.left : 0
  out.top = measured ? room.top : 0
  out.width = measured ? room.width : width
  out.height = measured ? room.height : height
  return out
}

export const GlobeViewContext = createContext<GlobeView>({
  network: null,
  draft: createDraftArea(),
  link: null,
  room: createRoomState(),
})

export function useGlobeView(): GlobeView {
  return useContext(GlobeViewContext)
}

/** The network a globe shows. */
export function shownKind(state: AppState, fixed: NetworkKind | null): NetworkKind {
  return fixed ?? state.active
}

/** Opacity of a network during and after a switch: the new one fades in as the old one fades out. */
export function switchOpacity(
  kind: NetworkKind,
  active: NetworkKind,
  previous: NetworkKind | null,
  since: number,
): number {
  const t = Math.min(1, Math.max(0, since / SWITCH_SECONDS))
  const eased = t * t * (3 - 2 * t)
  if (kind === active) return previous === null ? 1 : eased
  if (kind === previous) return 1 - eased
  return 0
}

/** How much of network `kind` a globe shows: a fixed globe shows its own network only, and never fades. */
export function viewOpacity(kind: NetworkKind, state: AppState, fixed: NetworkKind | null, since: number): number {
  if (fixed) return kind === fixed ? 1 : 0
  return switchOpacity(kind, state.active, state.previous, since)
}

/** The last place worked out per network (a "site" scenario looks for the nearest node: not on every change). */
const placeCache = new WeakMap<Network, { scenario: unknown; origin: number; place: Place | null }>()

/**
 * Where the current scenario happens on the network a globe shows, for its camera and shock ring. The store
 * works this out for the active network (state.focus); a fixed globe showing another one works it out the same
 * way for its own: the scenario's place, or where a travelling failure started.
 */
export function focusOf(state: AppState, fixed: NetworkKind | null): Place | null {
  if (!fixed || fixed === state.active) return state.focus
  const slot = state.slots[fixed]
  if (!slot || state.scenarioStartedAt === null || !slot.net.hasGeo) return null
  const origin = slot.view.origin
  const cached = placeCache.get(slot.net)
  if (cached && cached.scenario === state.scenario && cached.origin === origin) return cached.place
  const spec = state.scenario
  let place = scenarioPlace(slot.net, resolveScenario(slot.net, spec))
  if (!place && (spec.kind === 'cascade' || spec.kind === 'spread' || spec.kind === 'push') && origin >= 0)
    place = { lat: slot.net.lat[origin]!, lon: slot.net.lon[origin]! }
  placeCache.set(slot.net, { scenario: spec, origin, place })
  return place
}
