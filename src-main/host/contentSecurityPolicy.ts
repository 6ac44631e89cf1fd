// The renderer's Content Security Policy, shared by the Electron shell and the browser host.

export function contentSecurityPolicy(options: { framing: boolean } = { framing: true }): string {
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
  // frame-ancestors only works as a header, not in a <meta> tag.
  if (options.framing) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}
