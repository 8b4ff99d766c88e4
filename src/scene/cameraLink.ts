/**
 * Linked cameras: globes in the same link group (`<Globe linkGroup="compare" />`) show the Earth from the same
 * place, at the same zoom and turned the same way. One member leads: the last one the visitor touched (or the
 * first to draw). Each frame the leader publishes its pose if it moved, and asks the others for a frame; a
 * follower takes a pose it has not seen yet and publishes nothing, so there is no feedback loop, and frames are
 * still drawn only on demand. Followers neither spin nor fly by themselves: they follow.
 *
 * Plain state and functions on numbers, unit-tested; CameraLink.tsx applies them to the camera and the Earth.
 */

/** The camera's position (the camera always looks at the centre) and the Earth group's turn about its axis. */
export interface LinkPose {
  x: number
  y: number
  z: number
  spin: number
}

export interface LinkGroup {
  name: string
  members: LinkMember[]
  leader: LinkMember | null
  pose: LinkPose
  /** Bumped whenever the leader publishes a new pose; 0 before the first. */
  version: number
}

export interface LinkMember {
  /** The link group's name. */
  name: string
  /** The group, while the member is in it (between joinLink and leaveLink). */
  group: LinkGroup | null
  /** Asks this member's canvas for a frame. */
  invalidate: () => void
  /** The last pose version this member took or published. */
  seen: number
  /** Set when another member took the lead: this one must stop coasting from its own last drag. */
  lostLead: boolean
}

const groups = new Map<string, LinkGroup>()

/** A globe's membership of a link group, not yet in it (a React component makes it, an effect joins it). */
export function createLinkMember(name: string): LinkMember {
  return { name, group: null, invalidate: () => {}, seen: 0, lostLead: false }
}

export function joinLink(member: LinkMember, invalidate: () => void): void {
  let group = groups.get(member.name)
  if (!group) {
    group = { name: member.name, members: [], leader: null, pose: { x: 0, y: 0, z: 0, spin: 0 }, version: 0 }
    groups.set(member.name, group)
  }
  member.group = group
  member.invalidate = invalidate
  member.seen = 0
  member.lostLead = false
  if (!group.members.includes(member)) group.members.push(member)
}

export function leaveLink(member: LinkMember): void {
  const group = member.group
  if (!group) return
  member.group = null
  const i = group.members.indexOf(member)
  if (i >= 0) group.members.splice(i, 1)
  if (group.leader === member) group.leader = null
  if (group.members.length === 0) groups.delete(group.name)
}

/** The visitor touched this member's globe (or a flight starts on it): it leads from now on. */
export function claimLead(member: LinkMember | null): void {
  const group = member?.group
  if (!member || !group || group.leader === member) return
  if (group.leader) group.leader.lostLead = true
  group.leader = member
  member.lostLead = false
}

/** Whether this globe follows another one's camera (and must not turn or fly by itself). */
export function isFollower(member: LinkMember | null): boolean {
  const leader = member?.group?.leader ?? null
  return leader !== null && leader !== member
}

function samePose(a: LinkPose, b: LinkPose): boolean {
  return a.x === b.x && a.y === b.y && a.z === b.z && a.spin === b.spin
}

/**
 * Called once a frame, after the camera and the Earth have moved, with this globe's pose. A leader publishes
 * it when it changed and asks the other members for a frame; a follower that has not taken the latest pose gets
 * it written into `pose` and the answer true: it must apply it.
 */
export function syncPose(member: LinkMember, pose: LinkPose): boolean {
  const group = member.group
  if (!group) return false
  group.leader ??= member
  if (group.leader === member) {
    if (group.version > 0 && samePose(pose, group.pose)) return false
    group.pose.x = pose.x
    group.pose.y = pose.y
    group.pose.z = pose.z
    group.pose.spin = pose.spin
    member.seen = ++group.version
    // Indexed, not for…of: this runs every frame the leader turns, and allocates nothing.
    for (let i = 0; i < group.members.length; i++) if (group.members[i] !== member) group.members[i]!.invalidate()
    return false
  }
  if (member.lostLead) {
    // It may still be coasting from its own drag: take the group's pose again whatever it has seen.
    member.lostLead = false
    member.seen = -1
  }
  if (member.seen === group.version || group.version === 0) return false
  member.seen = group.version
  pose.x = group.pose.x
  pose.y = group.pose.y
  pose.z = group.pose.z
  pose.spin = group.pose.spin
  return true
}
