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
export const LAND_COLOR = '#9fd8ff'
export const LAND_SHADOW_COLOR = '#3d6fa8'
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
