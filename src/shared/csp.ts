/**
 * The one Content-Security-Policy. The Electron shell sets it as a response header on app://
 * and the test host sends it on every page, so both renderers run under the same rules.
 * 'unsafe-inline' for styles only: Mantine injects <style> elements at run time.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The same policy as a <meta> tag in index.html (a second line of defence, and what static
 * checkers such as Electronegativity can see). `frame-ancestors` is left out: browsers
 * ignore it in a meta tag and say so on the console. A test keeps the two in step.
 */
export const CONTENT_SECURITY_POLICY_META = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');
