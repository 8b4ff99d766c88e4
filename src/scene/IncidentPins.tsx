import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef, type RefObject } from 'react'
import { Vector3, type Object3D } from 'three'
import { INCIDENT_FACTS } from '../sim/incidents/facts'
import { useAppStore } from '../store/appStore'
import { surfacePoint } from './geometry'
import { roomIn, useGlobeView } from './globeView'
import { incidentPins } from './incidentPins'
import type { Room } from './room'

const PINS = incidentPins(INCIDENT_FACTS)
/** How far above the ground a pin's point sits, globe radii (over the land's dots and the people's glow). */
const LIFT = 0.01
/** A pin shows while its place faces the viewer at least this much (the cosine of the view angle). */
const FACING = 0.12

const world = new Vector3()
const toCamera = new Vector3()

interface PinElements {
  container: HTMLDivElement
  pins: HTMLDivElement[]
  /** Each pin's place in the Earth's own frame. */
  anchor: Float32Array
  /** 1 for the pin of the outage pointed at. */
  lit: Uint8Array
  /** Where each pin was last written (unchanged places are not written again). */
  x: Float32Array
  y: Float32Array
  /** Each pin's width, CSS px (measured once it shows; 0 before). */
  width: Float32Array
  /** The room's version last applied to the container (it keeps the pins inside the globe's room). */
  room: number
  box: Room
}

/** The pins' elements, inside the canvas's wrapper (over the canvas, under the page's panels). */
function createPins(host: HTMLElement): PinElements {
  const container = document.createElement('div')
  container.className = 'incident-pins'
  container.setAttribute('aria-hidden', 'true')
  const anchor = new Float32Array(PINS.length * 3)
  const p: [number, number, number] = [0, 0, 0]
  const pins = PINS.map((pin, i) => {
    surfacePoint(pin.lat, pin.lon, LIFT, p)
    anchor.set(p, i * 3)
    const el = document.createElement('div')
    el.className = 'incident-pin'
    el.dataset.incidents = pin.ids.join(' ')
    const name = document.createElement('span')
    name.className = 'incident-pin__name'
    name.textContent = pin.name
    const years = document.createElement('span')
    years.className = 'incident-pin__years'
    years.textContent = pin.years.join(' · ')
    el.append(name, years)
    el.style.visibility = 'hidden'
    container.append(el)
    return el
  })
  host.append(container)
  const n = PINS.length
  return {
    container,
    pins,
    anchor,
    lit: new Uint8Array(n),
    x: new Float32Array(n).fill(NaN),
    y: new Float32Array(n),
    width: new Float32Array(n),
    room: -1,
    box: { left: 0, top: 0, width: 0, height: 0 },
  }
}

/**
 * While the Recorded outages panel is open, pins on the globe where the outages with a place happened (a campus
 * that burned, a region whose DNS or network failed, the zones strikes hit), each with its years; the outage a
 * viewer points at in the panel lights its pin, and the globe turns to face it (store.focusIncident).
 */
export function IncidentPins({ earth }: { earth: RefObject<Object3D | null> }) {
  const open = useAppStore((s) => s.panel === 'incidents')
  const focus = useAppStore((s) => s.incidentFocus)
  const gl = useThree((s) => s.gl)
  const invalidate = useThree((s) => s.invalidate)
  const els = useRef<PinElements | null>(null)
  const { room } = useGlobeView()

  useEffect(() => {
    const host = gl.domElement.parentElement
    if (!open || !host) return
    const made = createPins(host)
    els.current = made
    invalidate()
    return () => {
      made.container.remove()
      if (els.current === made) els.current = null
      invalidate() // the site labels come back
    }
  }, [open, gl, invalidate])

  useEffect(() => {
    const e = els.current
    if (!e) return
    PINS.forEach((pin, i) => {
      e.lit[i] = focus !== null && pin.ids.includes(focus) ? 1 : 0
      e.pins[i]!.classList.toggle('is-focus', e.lit[i] === 1)
    })
    invalidate()
  }, [focus, open, invalidate])

  useFrame(({ camera, size }) => {
    const e = els.current
    const group = earth.current
    if (!e || !group) return
    group.updateWorldMatrix(true, false)
    camera.updateMatrixWorld()
    // The pins keep inside the room the page's chrome leaves (a pin's words do not run under the panel).
    if (room.version !== e.room) {
      e.room = room.version
      const b = roomIn(room, size.width, size.height, e.box)
      const st = e.container.style
      st.left = `${b.left}px`
      st.top = `${b.top}px`
      st.width = `${b.width}px`
      st.height = `${b.height}px`
      e.x.fill(NaN)
    }
    const ox = e.box.left
    const oy = e.box.top
    const m = group.matrixWorld.elements
    for (let i = 0; i < e.pins.length; i++) {
      world.fromArray(e.anchor, i * 3).applyMatrix4(group.matrixWorld)
      const nx = world.x - m[12]!
      const ny = world.y - m[13]!
      const nz = world.z - m[14]!
      toCamera.copy(camera.position).sub(world).normalize()
      const facing = (nx * toCamera.x + ny * toCamera.y + nz * toCamera.z) / (Math.hypot(nx, ny, nz) || 1)
      const el = e.pins[i]!
      const shown = facing > FACING
      const visibility = shown ? 'visible' : 'hidden'
      if (el.style.visibility !== visibility) el.style.visibility = visibility
      if (!shown) continue
      world.project(camera)
      const x = Math.round((world.x + 1) * 0.5 * size.width - ox)
      const y = Math.round((1 - world.y) * 0.5 * size.height - oy)
      if (x === e.x[i] && y === e.y[i]) continue
      e.x[i] = x
      e.y[i] = y
      // Its words to the left of its place when they would run out of the room on the right.
      if (e.width[i] === 0) e.width[i] = el.offsetWidth
      const left = x + e.width[i]! > e.box.width && x - e.width[i]! >= 0
      if (el.classList.contains('is-left') !== left) el.classList.toggle('is-left', left)
      el.style.transform = `translate3d(${left ? x - e.width[i]! : x}px, ${y}px, 0)`
    }
  })

  return null
}
