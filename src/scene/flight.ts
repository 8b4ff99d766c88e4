import type { RefObject } from 'react'
import type { Group, PerspectiveCamera } from 'three'
import type { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js'
import { FLIGHT_SECONDS, flightPose, planFlight, type Flight, type FlightStart, type Pose } from './flyTo'
import { flightCancelled, flightEnded, flightStarted, idle } from './idle'

export interface Flights {
  /** Fly to this place, starting at the next update; `instant` jumps there instead. */
  request(place: { lat: number; lon: number }, instant?: boolean): void
  /** Under reduced motion a flight takes no time: the globe jumps. */
  setAnimated(animated: boolean): void
  /** Moves the globe and camera along the flight under way, if any; returns whether it moved them. */
  update(now: number): boolean
  /** The visitor took over, or the scene goes away: the flight stops where it is. */
  cancel(): void
}

const pose: Pose = { spin: 0, elevation: 0 }

/**
 * Turns the globe (longitude, the Earth group's y rotation) and raises or lowers the camera (latitude) so that a
 * place faces the viewer, in FLIGHT_SECONDS with easing (flyTo.ts has the maths). The camera keeps its azimuth
 * and distance. Auto-rotation holds through the flight and a while after (idle.ts). Nothing is allocated per
 * frame.
 */
export function createFlights(
  camera: PerspectiveCamera,
  controls: OrbitControls,
  earth: RefObject<Group | null>,
): Flights {
  let pending: { lat: number; lon: number } | null = null
  let pendingInstant = false
  let flying = false
  let animated = true
  const flight: Flight = { from: { spin: 0, elevation: 0 }, to: { spin: 0, elevation: 0 }, start: 0, duration: 0 }
  const at: FlightStart = { spin: 0, elevation: 0, azimuth: 0 }

  const start = (place: { lat: number; lon: number }, group: Group, now: number, instant: boolean) => {
    // Stop any coasting from a drag: without damping, one update applies what is left of it at once.
    controls.enableDamping = false
    controls.update()
    controls.enableDamping = true
    at.spin = group.rotation.y
    at.elevation = Math.PI / 2 - controls.getPolarAngle()
    at.azimuth = controls.getAzimuthalAngle()
    planFlight(place, at, now, animated && !instant ? FLIGHT_SECONDS : 0, flight)
    flying = true
    flightStarted(idle)
  }

  return {
    request(place, instant = false) {
      pending = place
      pendingInstant = instant
    },
    setAnimated(on) {
      animated = on
    },
    update(now) {
      const group = earth.current
      if (!group) return false
      if (pending) {
        start(pending, group, now, pendingInstant)
        pending = null
      }
      if (!flying) return false
      const done = flightPose(flight, now, pose)
      group.rotation.y = pose.spin
      camera.position.setFromSphericalCoords(camera.position.length(), Math.PI / 2 - pose.elevation, at.azimuth)
      camera.lookAt(0, 0, 0)
      if (done) {
        flying = false
        flightEnded(idle, now)
      }
      return true
    },
    cancel() {
      pending = null
      if (flying) flightCancelled(idle)
      flying = false
    },
  }
}
