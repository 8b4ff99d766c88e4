import { useFrame, useThree } from '@react-three/fiber'
import { useMemo, type RefObject } from 'react'
import type { Group } from 'three'
import type { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js'
import { syncPose, type LinkPose } from './cameraLink'
import { useGlobeView } from './globeView'

/**
 * Keeps this globe's camera and Earth in step with the other globes of its link group (cameraLink.ts). Mounted
 * after CameraRig and Spin, so its frame callback runs once they have moved the camera and the Earth: a leader
 * publishes where they ended up, a follower takes the leader's pose before the frame is drawn.
 */
export function CameraLink({ earth }: { earth: RefObject<Group | null> }) {
  const { link } = useGlobeView()
  const camera = useThree((s) => s.camera)
  const controls = useThree((s) => s.controls) as OrbitControls | null
  const pose = useMemo<LinkPose>(() => ({ x: 0, y: 0, z: 0, spin: 0 }), [])

  useFrame(() => {
    const group = earth.current
    if (!link || !group) return
    if (link.lostLead && controls) {
      // Another globe took the lead while this one coasted from its own drag: stop the coast here. Without
      // damping one update applies what is left of it at once; the leader's pose replaces it right after.
      controls.enableDamping = false
      controls.update()
      controls.enableDamping = true
    }
    pose.x = camera.position.x
    pose.y = camera.position.y
    pose.z = camera.position.z
    pose.spin = group.rotation.y
    if (!syncPose(link, pose)) return
    camera.position.set(pose.x, pose.y, pose.z)
    // Globes of different sizes fit the Earth at different distances: stay within this one's zoom limits.
    if (controls) camera.position.clampLength(controls.minDistance, controls.maxDistance)
    camera.lookAt(0, 0, 0)
    group.rotation.y = pose.spin
  })

  return null
}
