/**
 * The console's own paths: the gateway answers each with the console's `index.html` and the
 * console's router draws the screen. One list for both, so a screen the router knows is never a
 * JSON 404 on reload. `*` is a path tail (`/workers/*` is `/workers/<id>`, `/workers/<id>/access`).
 */
export const CONSOLE_PATHS = [
  '/',
  '/callback',
  '/workers',
  '/workers/*',
  '/statistics',
  '/statistics/*',
  '/cases',
  '/cases/*',
  '/agencies',
  '/agencies/*',
  '/accounts',
  '/audit',
  '/audit/*',
  '/training',
  '/training/*',
  '/mentoring',
  '/mentoring/*',
] as const;

/** Where the console's built files are served (content-hashed names). */
export const CONSOLE_ASSETS_PREFIX = '/console/assets/';
