/**
 * The pointer and the keyboard on one globe: hovering or tapping a node shows its details (store.select and
 * the selection anchor), and the tool in hand (store.tool) acts on what the pointer points at: fail or repair
 * a node, cut a link, or drag out a regional disaster. Picks run at most once per animation frame, only when
 * the pointer moved (or the globe moved under a resting pointer), and allocate nothing.
 *
 * Acting by hand (store.act) changes the network on screen, the active one: a globe showing another network,
 * fixed (the compare view), shows details but does not act.
 */

import type { Camera, Object3D } from 'three'
import { greatCircleKm, wrapLon } from '../sim/geo'
import type { Network } from '../sim/network'
import { appStore } from '../store/appStore'
import type { NetworkKind } from '../store/store'
import { shownKind, type DraftArea } from './globeView'
import { hoverEnded, hoverStarted, idle } from './idle'
import { createSpherePoint, dragRadiusKm } from './picking'
import type { PickOverlay } from './pickOverlay'
import {
  arcOnScreen,
  createPickView,
  linkOfSegment,
  nodeOnScreen,
  pickNode,
  pickSegment,
  placeAt,
  updatePickView,
} from './pickView'
import { publishAnchor, selectionAnchor, subscribeAnchor, type SelectionMode } from './selection'
import { sceneNow } from './stateShader'

/** How near the pointer a node must be drawn to be picked, and a link's arc, CSS pixels. */
export const NODE_PICK_PX = 10
export const LINK_PICK_PX = 8
/** A press that moves less than this is a click or a tap, not a drag. */
const CLICK_SLOP_PX = 6
/** A disaster area dragged out smaller than this is taken as a slip, not a disaster. */
export const MIN_DRAWN_RADIUS_KM = 25
/** Arrow keys move the view by this much, degrees; Enter with the disaster tool strikes this radius. */
const KEY_STEP_DEG = 12
const KEY_DISASTER_KM = 500

export interface PickerDeps {
  canvas: HTMLCanvasElement
  overlay: PickOverlay
  camera: Camera
  earth: () => Object3D | null
  /** The network the globe shows, fixed; null: the active one. */
  network: NetworkKind | null
  draft: DraftArea
  invalidate: () => void
  /** The canvas's size in CSS pixels. */
  size: () => { width: number; height: number }
  /**
   * The middle of the globe on the canvas, CSS pixels: the centre of the room the page's chrome leaves (room.ts),
   * where the keyboard points (Enter shows the node there; the arrows move the place there).
   */
  centre: () => { x: number; y: number }
  /** The camera's controls: a press with a tool holds the camera as a drag would (start/end events). */
  controls: () => { dispatchEvent(event: { type: 'start' | 'end' }): void } | null
}

export interface Picker {
  /** Called every drawn frame: follows the selected node and a highlighted link as the globe moves. */
  frame(): void
  /** Another tool in hand: what the pointer rests on is looked at again. */
  toolChanged(): void
  dispose(): void
}

export function createPicker(deps: PickerDeps): Picker {
  const { canvas, overlay, camera, draft } = deps
  const win = canvas.ownerDocument.defaultView ?? window
  const view = createPickView()
  const place = createSpherePoint()
  const screen = { x: 0, y: 0 }
  /** The pointer over the canvas (CSS pixels on the canvas, and in the viewport). */
  const pointer = { x: 0, y: 0, clientX: 0, clientY: 0, inside: false, hovers: false }
  /** The press under way: its pointer (-1: none), where it started, whether it moved, whether it draws. */
  const press = { id: -1, x: 0, y: 0, moved: false, drawing: false, holding: false }
  /** The link segment highlighted under the cut tool (-1: none), and the network it belongs to. */
  let segment = -1
  let segmentNet: Network | null = null
  /** The tips' texts, rebuilt only when what they say changes. */
  let tipLink = -1
  let tipLinkUp = false
  let linkText = ''
  let drawKm = -1
  let drawText = ''
  let raf = 0
  /** The view the last frame was drawn with, to notice when the globe moved under a resting pointer. */
  const lastMatrix = new Float64Array(16)

  const state = () => appStore.getState()
  const kindOf = () => shownKind(state(), deps.network)
  const netOf = () => state().slots[kindOf()]?.net ?? null

  const refresh = (): boolean => {
    const earth = deps.earth()
    if (!earth) return false
    const { width, height } = deps.size()
    updatePickView(view, camera, earth, width, height)
    return true
  }

  const owned = () => selectionAnchor.owner === picker
  const setCursor = (cursor: string) => {
    if (canvas.style.cursor !== cursor) canvas.style.cursor = cursor
  }

  /** Selects a node (or none) for its details, saying how and where. */
  const select = (node: number, mode: SelectionMode) => {
    const s = state()
    const kind = kindOf()
    const a = selectionAnchor
    if (node < 0) {
      if (owned()) {
        if (s.selected) s.select(null)
        a.owner = null
        a.node = -1
        overlay.hideRing()
        publishAnchor()
      }
      holdForHover(false)
      return
    }
    a.owner = picker
    a.kind = kind
    a.node = node
    a.mode = mode
    a.pointerX = mode === 'key' ? NaN : pointer.clientX
    a.pointerY = mode === 'key' ? NaN : pointer.clientY
    placeNode()
    if (s.selected?.kind !== kind || s.selected.node !== node) s.select({ kind, node })
    publishAnchor()
    if (mode === 'hover') holdForHover(true)
  }

  /** While the pointer rests on a node or a link, the globe does not turn it away (idle.ts). */
  const holdForHover = (on: boolean) => {
    if (on && !idle.hovering) hoverStarted(idle)
    else if (!on && idle.hovering) {
      hoverEnded(idle, sceneNow())
      deps.invalidate() // Spin sets its timer to turn again
    }
  }

  /** Puts the ring on the selected node and tells the card where it is. */
  const placeNode = () => {
    const net = netOf()
    const a = selectionAnchor
    const rect = canvasOrigin()
    if (net && a.node >= 0 && nodeOnScreen(view, net, a.node, screen)) {
      overlay.showRing(screen.x, screen.y, state().slots[a.kind!]?.view.nodeUp[a.node] === 0)
      a.nodeX = screen.x + rect.x
      a.nodeY = screen.y + rect.y
    } else {
      overlay.hideRing()
      a.nodeX = NaN
      a.nodeY = NaN
    }
  }

  /** The canvas's top left in the viewport: the pointer's client and canvas positions differ by it. */
  const origin = { x: 0, y: 0 }
  const canvasOrigin = () => origin
  const noteOrigin = (e: PointerEvent) => {
    origin.x = e.clientX - e.offsetX
    origin.y = e.clientY - e.offsetY
  }

  const hideLink = () => {
    if (segment >= 0) holdForHover(false)
    segment = -1
    overlay.hideArc()
    overlay.hideTip()
  }

  const showLink = () => {
    const net = segmentNet
    if (!net || segment < 0) return hideLink()
    const count = arcOnScreen(view, net, segment, overlay.xs, overlay.ys)
    if (count < 2) return hideLink()
    const link = linkOfSegment(net, segment)
    const up = linkWorks(net, link)
    overlay.showArc(count, !up)
    if (link !== tipLink || up !== tipLinkUp) {
      tipLink = link
      tipLinkUp = up
      const g = net.graph
      const a = g.linkA[link]!
      const b = g.linkB[link]!
      const km = Math.round(greatCircleKm(net.lat[a]!, net.lon[a]!, net.lat[b]!, net.lon[b]!))
      linkText = up ? `Click to cut this link · ${km.toLocaleString('en')} km` : 'This link is cut'
    }
    overlay.showTip(pointer.x, pointer.y, linkText, view.projection.width)
  }

  const linkWorks = (net: Network, link: number): boolean => {
    const v = state().slots[kindOf()]?.view
    if (!v) return false
    return v.linkUp[link] === 1 && v.nodeUp[net.graph.linkA[link]!] === 1 && v.nodeUp[net.graph.linkB[link]!] === 1
  }

  /** What the resting pointer points at, for the tool in hand. */
  const hover = () => {
    const net = netOf()
    if (!net || !refresh()) return
    const tool = state().tool
    if (tool === 'cutLink') {
      if (owned() && selectionAnchor.mode === 'hover') select(-1, 'hover')
      segment = pickSegment(view, net, pointer.x, pointer.y, LINK_PICK_PX)
      segmentNet = net
      showLink()
      holdForHover(segment >= 0)
      setCursor(segment >= 0 ? 'pointer' : '')
      return
    }
    if (segment >= 0) hideLink()
    if (tool === 'drawDisaster') return
    const node = pickNode(view, net, pointer.x, pointer.y, NODE_PICK_PX)
    if (node >= 0) select(node, 'hover')
    else if (owned() && selectionAnchor.mode === 'hover') select(-1, 'hover')
    setCursor(node >= 0 && tool === 'failNode' ? 'pointer' : '')
  }

  const drawTo = (x: number, y: number) => {
    if (!refresh()) return
    placeAt(view, camera, x, y, place)
    draft.radiusKm = dragRadiusKm(draft.lat, draft.lon, place.lat, place.lon)
    const km = Math.round(draft.radiusKm / 10) * 10
    if (km !== drawKm) {
      drawKm = km
      drawText =
        draft.radiusKm < MIN_DRAWN_RADIUS_KM
          ? 'Drag out the disaster area'
          : `Disaster area · ${km.toLocaleString('en')} km radius · release to strike`
    }
    overlay.showTip(x, y, drawText, view.projection.width)
    deps.invalidate()
  }

  const onAnimationFrame = () => {
    raf = 0
    if (press.drawing) return drawTo(pointer.x, pointer.y)
    if (press.id >= 0 || !pointer.inside || !pointer.hovers) return
    hover()
  }

  const schedule = () => {
    if (raf === 0) raf = win.requestAnimationFrame(onAnimationFrame)
  }

  /** Holds the camera through a press with a tool, as a drag does: no turning under the pointer, no flight. */
  const hold = (on: boolean) => {
    if (press.holding === on) return
    press.holding = on
    deps.controls()?.dispatchEvent({ type: on ? 'start' : 'end' })
  }

  const onPointerMove = (e: PointerEvent) => {
    pointer.x = e.offsetX
    pointer.y = e.offsetY
    pointer.clientX = e.clientX
    pointer.clientY = e.clientY
    pointer.hovers = e.pointerType !== 'touch'
    noteOrigin(e)
    if (press.id === e.pointerId && !press.moved) {
      const dx = e.offsetX - press.x
      const dy = e.offsetY - press.y
      if (dx * dx + dy * dy > CLICK_SLOP_PX * CLICK_SLOP_PX) {
        press.moved = true
        // Turning the globe by hand: the details of what was under the pointer go.
        if (!press.drawing && owned() && selectionAnchor.mode === 'hover') select(-1, 'hover')
      }
    }
    schedule()
  }

  const onPointerDown = (e: PointerEvent) => {
    pointer.inside = true
    onPointerMove(e)
    if (!e.isPrimary) {
      // A second finger: a pinch, never a tap or a drawing.
      cancelPress()
      return
    }
    if (e.button !== 0) return
    press.id = e.pointerId
    press.x = e.offsetX
    press.y = e.offsetY
    press.moved = false
    press.drawing = false
    const tool = state().tool
    if (tool === 'rotate') return
    hold(true)
    if (tool !== 'drawDisaster' || !netOf() || !refresh()) return
    placeAt(view, camera, e.offsetX, e.offsetY, place)
    if (!place.hit) return
    press.drawing = true
    draft.active = true
    draft.lat = place.lat
    draft.lon = place.lon
    draft.radiusKm = 0
    hideLink()
    select(-1, 'hover')
    canvas.setPointerCapture(e.pointerId)
    drawTo(e.offsetX, e.offsetY)
  }

  const onPointerUp = (e: PointerEvent) => {
    if (e.pointerId !== press.id) return
    onPointerMove(e)
    press.id = -1
    hold(false)
    if (press.drawing) {
      press.drawing = false
      drawTo(e.offsetX, e.offsetY)
      finishDrawing()
      return
    }
    if (!press.moved) click(e.offsetX, e.offsetY, e.pointerType === 'touch' ? 'tap' : 'hover')
  }

  const finishDrawing = () => {
    draft.active = false
    overlay.hideTip()
    deps.invalidate()
    if (draft.radiusKm < MIN_DRAWN_RADIUS_KM) return
    void state().runScenario({
      kind: 'region',
      lat: Math.round(draft.lat * 100) / 100,
      lon: Math.round(wrapLon(draft.lon) * 100) / 100,
      radiusKm: Math.round(draft.radiusKm),
    })
  }

  const cancelPress = () => {
    press.id = -1
    hold(false)
    if (press.drawing) {
      press.drawing = false
      draft.active = false
      overlay.hideTip()
      deps.invalidate()
    }
  }

  /** Acting by hand changes the active network only (store.act): a fixed globe of another one does not act. */
  const canAct = () => kindOf() === state().active

  const actOnNode = (node: number) => {
    const v = state().slots[kindOf()]?.view
    if (!v || !canAct()) return
    void state().act(v.nodeUp[node] === 1 ? { type: 'failNode', node } : { type: 'repairNode', node })
  }

  const click = (x: number, y: number, mode: SelectionMode) => {
    const net = netOf()
    if (!net || !refresh()) return
    const tool = state().tool
    if (tool === 'cutLink') {
      const s = pickSegment(view, net, x, y, LINK_PICK_PX)
      if (s < 0) return
      const link = linkOfSegment(net, s)
      if (linkWorks(net, link) && canAct()) void state().act({ type: 'cutLink', link })
      return
    }
    const node = pickNode(view, net, x, y, NODE_PICK_PX)
    if (tool === 'failNode' && node >= 0) actOnNode(node)
    // A tap shows the details (a mouse shows them on hover already); a tap on nothing puts them away.
    if (node >= 0) select(node, mode)
    else if (mode === 'tap') select(-1, mode)
  }

  const onPointerCancel = (e: PointerEvent) => {
    if (e.pointerId === press.id) cancelPress()
  }

  const onPointerEnter = () => {
    pointer.inside = true
  }

  const onPointerLeave = (e: PointerEvent) => {
    if (e.pointerId === press.id) return // captured: the drag goes on outside
    pointer.inside = false
    if (segment >= 0) hideLink()
    if (owned() && selectionAnchor.mode === 'hover') select(-1, 'hover')
  }

  const centre = deps.centre

  const onKeyDown = (e: KeyboardEvent) => {
    const net = netOf()
    if (!net || !refresh()) return
    const s = state()
    const c = centre()
    if (e.key.startsWith('Arrow')) {
      // Turn the globe by flying: the place at the middle moves by a step.
      placeAt(view, camera, c.x, c.y, place)
      const dLat = e.key === 'ArrowUp' ? KEY_STEP_DEG : e.key === 'ArrowDown' ? -KEY_STEP_DEG : 0
      const dLon = e.key === 'ArrowRight' ? KEY_STEP_DEG : e.key === 'ArrowLeft' ? -KEY_STEP_DEG : 0
      s.lookAt({ lat: Math.max(-80, Math.min(80, place.lat + dLat)), lon: wrapLon(place.lon + dLon) })
      e.preventDefault()
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      if (s.tool === 'drawDisaster') {
        placeAt(view, camera, c.x, c.y, place)
        void s.runScenario({ kind: 'region', lat: place.lat, lon: wrapLon(place.lon), radiusKm: KEY_DISASTER_KM })
        return
      }
      if (s.tool === 'cutLink') {
        const seg = pickSegment(view, net, c.x, c.y, LINK_PICK_PX * 4)
        if (seg >= 0 && canAct()) void s.act({ type: 'cutLink', link: linkOfSegment(net, seg) })
        return
      }
      // The node nearest the middle of the view.
      const node = pickNode(view, net, c.x, c.y, Infinity)
      if (node < 0) return
      if (s.tool === 'failNode') actOnNode(node)
      select(node, 'key')
    } else if (e.key === 'Escape' && owned()) {
      select(-1, 'key')
    }
  }

  // Another globe took the selection, or the store's changed elsewhere (the card's Close button, the page API):
  // this globe's ring goes, and the anchor no longer speaks for it.
  const stopFollowingAnchor = subscribeAnchor(() => {
    if (!owned()) overlay.hideRing()
  })
  const stopFollowingStore = appStore.subscribe((s, prev) => {
    if (s.selected === prev.selected || !owned()) return
    const a = selectionAnchor
    if (s.selected?.kind === a.kind && s.selected?.node === a.node) return
    a.owner = null
    a.node = -1
    overlay.hideRing()
    holdForHover(false)
    publishAnchor()
  })

  const picker: Picker = {
    frame() {
      if (!refresh()) return
      const m = view.projection.m
      let moved = false
      for (let i = 0; i < 16; i++) {
        if (lastMatrix[i] !== m[i]) {
          moved = true
          lastMatrix[i] = m[i]!
        }
      }
      if (!moved) return
      // The globe moved: the selected node and the highlighted link move with it, and the resting pointer may
      // now rest on something else.
      if (owned() && selectionAnchor.node >= 0) {
        placeNode()
        publishAnchor()
      }
      if (segment >= 0) showLink()
      if (pointer.inside && pointer.hovers && press.id < 0) schedule()
    },
    toolChanged() {
      cancelPress()
      hideLink()
      setCursor('')
      if (pointer.inside && pointer.hovers) schedule()
    },
    dispose() {
      stopFollowingAnchor()
      stopFollowingStore()
      if (raf !== 0) win.cancelAnimationFrame(raf)
      canvas.removeEventListener('pointermove', onPointerMove)
      canvas.removeEventListener('pointerdown', onPointerDown)
      canvas.removeEventListener('pointerup', onPointerUp)
      canvas.removeEventListener('pointercancel', onPointerCancel)
      canvas.removeEventListener('pointerenter', onPointerEnter)
      canvas.removeEventListener('pointerleave', onPointerLeave)
      canvas.removeEventListener('keydown', onKeyDown)
      cancelPress()
      if (owned()) select(-1, 'hover')
      overlay.dispose()
    },
  }

  canvas.addEventListener('pointermove', onPointerMove)
  canvas.addEventListener('pointerdown', onPointerDown)
  canvas.addEventListener('pointerup', onPointerUp)
  canvas.addEventListener('pointercancel', onPointerCancel)
  canvas.addEventListener('pointerenter', onPointerEnter)
  canvas.addEventListener('pointerleave', onPointerLeave)
  canvas.addEventListener('keydown', onKeyDown)
  return picker
}
