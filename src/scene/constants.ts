/** Shared scene constants: sizes in globe radii, colours as sRGB hex (three converts them to linear for shading). */

/** Radius of the ocean sphere; every other size in the scene is relative to it. */
export const GLOBE_RADIUS = 1

/** The land dots sit a hair above the ocean so they never z-fight with it. */
export const LAND_DOT_ALTITUDE = 0.003

/** Dot diameter as a share of the lattice spacing: below 1 leaves the gaps that make it read as a dot lattice. */
export const LAND_DOT_FILL = 0.62

/** Outer radius of the atmosphere shell. */
export const ATMOSPHERE_RADIUS = 1.16

/** Page and scene background (kept in step with styles.css). */
export const BACKGROUND_COLOR = '#05070d'
/** Ocean: its shadowed and its lit side. */
export const OCEAN_DEEP_COLOR = '#050c1c'
export const OCEAN_LIT_COLOR = '#0f2448'
/** Fresnel rim on the ocean, continuing the atmosphere inwards. */
export const OCEAN_RIM_COLOR = '#2f6fd6'
/** Land dots: lit and shadowed. */
export const LAND_COLOR = '#6f9fcf'
export const LAND_SHADOW_COLOR = '#2f5683'
export const ATMOSPHERE_COLOR = '#4a95ff'

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

/** Longitude (degrees) that faces the camera at start. */
export const START_LONGITUDE = 12
/** Auto-rotation speed, radians per second: one turn in about three minutes. */
export const SPIN_RADIANS_PER_SECOND = (2 * Math.PI) / 180

/** How long a node or link takes to turn from its colour to the failure colour, seconds (real time). */
export const FAIL_TRANSITION_SECONDS = 0.6
/** How long a network takes to fade in or out when the viewer switches, seconds. */
export const SWITCH_SECONDS = 1

/**
 * Colours of what the networks are made of (sRGB hex). Each network has its own family, so the picture alone tells
 * which one is on screen; failure is red everywhere, recovery a white flash.
 */
export const PALETTE = {
  centralized: { node: '#ffb547', minor: '#ffd79a', link: '#ff9f2e' },
  decentralized: { node: '#c59bff', minor: '#e0ccff', link: '#a77bff' },
  p2p: { node: '#3df5c0', minor: '#3df5c0', link: '#2ad1a3' },
  imported: { node: '#9fd8ff', minor: '#9fd8ff', link: '#6fb8f0' },
  failed: '#ff3b3b',
  failedDim: '#6e1a1a',
  recovered: '#ffffff',
  people: '#ffc46e',
  peopleLosing: '#ff4d3d',
  peopleCut: '#3a1010',
  traffic: '#ffffff',
  disaster: '#ff3b3b',
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
