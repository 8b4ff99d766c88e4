/** Shared scene constants: sizes in globe radii, colours as sRGB hex (three converts them to linear for shading). */

import type { Theme } from '../store/store'

/** Radius of the ocean sphere; every other size in the scene is relative to it. */
export const GLOBE_RADIUS = 1

/** The land dots sit a hair above the ocean so they never z-fight with it. */
export const LAND_DOT_ALTITUDE = 0.003

/** Dot diameter as a share of the lattice spacing: below 1 leaves the gaps that make it read as a dot lattice. */
export const LAND_DOT_FILL = 0.62

/** Outer radius of the atmosphere shell. */
export const ATMOSPHERE_RADIUS = 1.16

/** The globe's ground colours in one theme (sRGB hex). */
export interface SceneColors {
  /** Scene background (kept in step with --bg in src/ui/theme/theme.css). */
  background: string
  /** Ocean: its shadowed and its lit side. */
  oceanDeep: string
  oceanLit: string
  /** Fresnel rim on the ocean, continuing the atmosphere inwards. */
  oceanRim: string
  /** Land dots: lit and shadowed. */
  land: string
  landShadow: string
  atmosphere: string
}

/**
 * The ground per theme. Light (for print) keeps a mid-blue sea so the glowing layers drawn over it (people,
 * traffic, the atmosphere) still show, on a light page, with pale land; the projector's is brighter, since
 * projectors crush dark blues to black.
 */
export const SCENE_THEMES: Record<Theme, SceneColors> = {
  dark: {
    background: '#05070d',
    oceanDeep: '#050c1c',
    oceanLit: '#0f2448',
    oceanRim: '#2f6fd6',
    land: '#6f9fcf',
    landShadow: '#2f5683',
    atmosphere: '#4a95ff',
  },
  projector: {
    background: '#000000',
    oceanDeep: '#061330',
    oceanLit: '#173466',
    oceanRim: '#3f82f0',
    land: '#9cc4ec',
    landShadow: '#41709f',
    atmosphere: '#5aa2ff',
  },
  light: {
    background: '#eef2f7',
    oceanDeep: '#1b3557',
    oceanLit: '#2f5c8f',
    oceanRim: '#7fb0ea',
    land: '#d6e6f7',
    landShadow: '#7d9dc2',
    atmosphere: '#3c7fd6',
  },
}

/** The dark theme's ground, the default. */
export const BACKGROUND_COLOR = SCENE_THEMES.dark.background

/**
 * Where the light comes from, in view space (x right, y up, z towards the viewer): upper left and in front,
 * fixed to the camera so the globe always shows a lit face whichever way it turns.
 */
export const LIGHT_DIRECTION_VIEW: readonly [number, number, number] = [-0.55, 0.5, 0.67]

/** Vertical field of view of the camera, degrees. */
export const CAMERA_FOV = 40
/** Camera elevation above the equator, degrees: a little of the northern hemisphere's top shows. */
export const CAMERA_ELEVATION_DEG = 16
/** Share of the smaller half field of view that the atmosphere's outer edge may take. */
export const FIT_MARGIN = 0.94

/** Longitude (degrees) that faces the camera at start: the Atlantic, with Northern Virginia near the middle. */
export const START_LONGITUDE = -50
/** Auto-rotation speed, radians per second: one turn in about three minutes. */
export const SPIN_RADIANS_PER_SECOND = (2 * Math.PI) / 180

/** How long a node or link takes to turn from its colour to the failure colour, seconds (real time). */
export const FAIL_TRANSITION_SECONDS = 0.6
/** How long a network takes to fade in or out when the viewer switches, seconds. */
export const SWITCH_SECONDS = 1

/**
 * Colours of what the networks are made of (sRGB hex). Each network has its own family, so the picture alone tells
 * which one is on screen; failure is vermillion everywhere, recovery a white flash. Chosen from Okabe–Ito so that
 * healthy and failed stay apart for protanopes, deuteranopes and tritanopes (palette.test.ts checks it): no
 * healthy colour is orange or red, and failed is darker than every healthy node colour.
 */
export const PALETTE = {
  centralized: { node: '#7fdcff', minor: '#c8f0ff', link: '#8ad8ff' },
  decentralized: { node: '#c59bff', minor: '#e0ccff', link: '#a77bff' },
  p2p: { node: '#3df5c0', minor: '#3df5c0', link: '#2ad1a3' },
  imported: { node: '#ff9ee0', minor: '#ffc4ec', link: '#e27fc4' },
  failed: '#ff5a14',
  failedDim: '#6e2a0c',
  recovered: '#ffffff',
  /** Up, but what it hosts does not answer: a shared plane it needs (DNS, control, its region's endpoints) is down. */
  impaired: '#8b93a7',
  people: '#fff3c4',
  peopleLosing: '#ff5a14',
  peopleCut: '#2a1205',
  traffic: '#ffffff',
  /** Traffic that has just taken a new route around a failure (Okabe–Ito yellow). */
  rerouted: '#f0e442',
  disaster: '#ff5a14',
} as const

/**
 * The networks' colours as ink on a light page (the light theme's chart lines): the same hues, dark enough for
 * 3:1 against white (Okabe–Ito blue, bluish green, reddish purple).
 */
export const PRINT_INK = {
  centralized: '#0072b2',
  decentralized: '#7040c0',
  p2p: '#00785a',
  imported: '#a8457f',
} as const

/** Dots (points of presence, small nodes) float this far above the ground, globe radii. */
export const DOT_ALTITUDE = 0.008
/** Round-dot sizes, globe radii. */
export const PEER_DOT_SIZE = 0.011
export const POP_DOT_SIZE = 0.018
/** Cloud regions: column radius and height (a base plus a share of services hosted). */
export const REGION_RADIUS = 0.012
export const REGION_BASE_HEIGHT = 0.04
export const REGION_HEIGHT_PER_SHARE = 0.55
/** Link width on screen, CSS pixels. */
export const LINK_WIDTH_PX = 1.3
