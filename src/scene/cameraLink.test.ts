import { describe, expect, it, vi } from 'vitest'
import { claimLead, createLinkMember, isFollower, joinLink, leaveLink, syncPose, type LinkPose } from './cameraLink'

function member(name: string, invalidate: () => void) {
  const m = createLinkMember(name)
  joinLink(m, invalidate)
  return m
}

const pose = (x: number, spin = 0): LinkPose => ({ x, y: 0, z: 3, spin })

describe('linked cameras', () => {
  it('the first to draw leads; the others take its pose once, and publish nothing', () => {
    const a = member('t1', vi.fn())
    const bFrame = vi.fn()
    const b = member('t1', bFrame)
    expect(syncPose(a, pose(1, 0.5))).toBe(false)
    expect(bFrame).toHaveBeenCalledTimes(1)
    expect(isFollower(b)).toBe(true)
    expect(isFollower(a)).toBe(false)
    const mine = pose(7)
    expect(syncPose(b, mine)).toBe(true)
    expect(mine).toEqual(pose(1, 0.5))
    // Nothing new: nothing to take, however the follower's own camera ended up (a zoom limit, say).
    expect(syncPose(b, pose(1.1, 0.5))).toBe(false)
    // The leader standing still asks for no frames.
    expect(syncPose(a, pose(1, 0.5))).toBe(false)
    expect(bFrame).toHaveBeenCalledTimes(1)
    leaveLink(a)
    leaveLink(b)
  })

  it('whoever the visitor touches leads, and the old leader stops where the group is', () => {
    const aFrame = vi.fn()
    const a = member('t2', aFrame)
    const b = member('t2', vi.fn())
    syncPose(a, pose(1))
    syncPose(b, pose(0))
    claimLead(b)
    expect(isFollower(a)).toBe(true)
    expect(syncPose(b, pose(2))).toBe(false)
    expect(aFrame).toHaveBeenCalledTimes(1)
    const mine = pose(1.3) // still coasting from its own drag
    expect(syncPose(a, mine)).toBe(true)
    expect(mine.x).toBe(2)
    // Even without a new pose, a member that lost the lead takes the group's pose once more.
    claimLead(a)
    syncPose(a, pose(2))
    claimLead(b)
    const coasting = pose(2.4)
    expect(syncPose(a, coasting)).toBe(true)
    expect(coasting.x).toBe(2)
    leaveLink(a)
    leaveLink(b)
  })

  it('a group whose leader leaves is led by the next member to draw', () => {
    const a = member('t3', vi.fn())
    const b = member('t3', vi.fn())
    syncPose(a, pose(1))
    leaveLink(a)
    expect(isFollower(b)).toBe(false)
    expect(syncPose(b, pose(5))).toBe(false)
    expect(isFollower(b)).toBe(false)
    leaveLink(b)
  })

  it('an unlinked globe follows nobody, nor one that left its group', () => {
    expect(isFollower(null)).toBe(false)
    const a = member('t4', vi.fn())
    const b = member('t4', vi.fn())
    syncPose(a, pose(1))
    leaveLink(b)
    expect(isFollower(b)).toBe(false)
    expect(syncPose(b, pose(3))).toBe(false)
    // Joining again (React's StrictMode remounts effects) takes the group's pose afresh.
    joinLink(b, vi.fn())
    const mine = pose(3)
    expect(syncPose(b, mine)).toBe(true)
    expect(mine.x).toBe(1)
    leaveLink(a)
    leaveLink(b)
  })
})
