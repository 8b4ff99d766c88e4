/**
 * A failure on the peer-to-peer grid, told in pictures: when a disaster takes down tens of its small nodes, rings
 * go out where they fail; when self-healing re-creates the copies they held, white rings mark where. On the
 * multi-region cloud, the traffic the disaster sends to another region turns yellow for a while. (The grid's
 * traffic is local: its flows, sampled by population worldwide, rarely pass through the area.) Read from
 * the canvas: a picture taken while the rings are out against one taken once they have faded.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { REROUTE_SECONDS } from '../../src/scene/Traffic'
import { DEFAULT_SIM_OPTIONS } from '../../src/sim/engine'
import { copyMinutes } from '../../src/sim/repair'
import { launchBrowser } from './chromium'
import { decodePng, type Image } from './png'
import { afterFrames, openStill, sceneIdle } from './stage'

const ASHBURN = { lat: 39.04, lon: -77.49 }

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const shoot = async (page: Page): Promise<Image> =>
  decodePng(await page.locator('.globe canvas').screenshot({ type: 'png' }))

/** Pixels that pass a test. */
function count(img: Image, test: (r: number, g: number, b: number) => boolean): number {
  let n = 0
  for (let i = 0; i < img.data.length; i += 4) if (test(img.data[i]!, img.data[i + 1]!, img.data[i + 2]!)) n++
  return n
}

/**
 * Yellow light (traffic on a new route, #f0e442, added onto the blue globe it turns pale); the white traffic and
 * the blue land are not.
 */
const yellow = (r: number, g: number, b: number) => r > 200 && g > 170 && r - b > 60 && Math.abs(r - g) < 70

/** Near white (a healing ring, #ffffff, drawn over the globe); the people's warm glow and the land are not. */
const white = (r: number, g: number, b: number) => r > 215 && g > 215 && b > 215
/**
 * Warm: vermillion (a failure ring, #ff5a14) and what it turns into where young rings lie on one another and
 * their additive light saturates towards orange and yellow; the blue globe and the green grid are not.
 */
const warm = (r: number, _g: number, b: number) => r > 170 && r - b > 60

/** A 500 km disaster at Northern Virginia, set up and paused at T+0, the scene settled. */
async function disasterAtAshburn(page: Page): Promise<void> {
  await page.evaluate(async (at) => {
    const api = window.p2pglobe!
    await api.runScenario({ kind: 'region', radiusKm: 500, ...at })
    api.pause()
  }, ASHBURN)
  await sceneIdle(page)
}

describe('rings on the grid', () => {
  test('a disaster rings where the small nodes fail; self-healing rings white where it re-creates their copies', async () => {
    // The globe alone (no chrome), still, with Northern Virginia facing the viewer.
    const opened = await openStill(browser, ASHBURN, '&network=p2p')
    const { page } = opened
    await disasterAtAshburn(page)

    // The disaster's first minute: rings out over the area.
    await page.evaluate(() => window.p2pglobe!.step(1))
    const hit = await shoot(page)
    await sceneIdle(page)
    const after = await shoot(page)
    const [hitWarm, afterWarm] = [count(hit, warm), count(after, warm)]
    expect(hitWarm - afterWarm, `warm pixels: ${hitWarm} with the rings out, ${afterWarm} after`).toBeGreaterThan(200)

    // Once the failed nodes count as lost and their copies have been sent, the grid has re-created the copies they
    // held on working nodes near them. (Up to the minute before, then that minute: the rings are those of the step
    // on screen.)
    const { healAfterMin, copyGb, copyMbps } = DEFAULT_SIM_OPTIONS
    const landed = 1 + healAfterMin + Math.ceil(copyMinutes(copyGb, copyMbps))
    await page.evaluate(async (before) => {
      await window.p2pglobe!.step(before)
      await window.p2pglobe!.step(1)
    }, landed - 2)
    const healing = await shoot(page)
    await sceneIdle(page)
    const healed = await shoot(page)
    expect(count(healing, white) - count(healed, white), 'white rings where copies were re-created').toBeGreaterThan(20)

    expect(opened.pageErrors).toEqual([])
    await page.context().close()
  })

  test('traffic the disaster moves to another region turns yellow for a while, then white again', async () => {
    const opened = await openStill(browser, ASHBURN, '&network=decentralized')
    const { page } = opened
    await disasterAtAshburn(page)
    const calm = count(await shoot(page), yellow)
    await page.evaluate(() => window.p2pglobe!.step(1))
    const stepped = Date.now()
    // Once the shock rings have faded (1.8 s): the flows that found another way are still yellow (6 s).
    await page.waitForTimeout(Math.max(0, stepped + 2400 - Date.now()))
    const rerouted = count(await shoot(page), yellow)
    // Past the highlight (the frames it asked for end with it; the nodes' colours may still be settling).
    await page.waitForTimeout(Math.max(0, stepped + (REROUTE_SECONDS + 0.5) * 1000 - Date.now()))
    await afterFrames(page)
    const settled = count(await shoot(page), yellow)
    const what = `yellow pixels: ${calm} before, ${rerouted} just after, ${settled} once settled`
    expect(rerouted - Math.max(calm, settled), what).toBeGreaterThan(50)
    expect(opened.pageErrors).toEqual([])
    await page.context().close()
  })
})
