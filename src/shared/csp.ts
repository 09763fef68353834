/**
 * The one Content-Security-Policy. The Electron shell sets it as a response header on app://
 * and the test host sends it on every page, so both renderers run under the same rules.
 * 'unsafe-inline' for styles only: Mantine injects <style> elements at run time.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
