/**
 * Directives de la politique de sécurité du contenu (CSP) des pages du
 * portail, hors script-src et style-src qu'Astro calcule page par page
 * (security.csp dans astro.config.mjs). Partagées avec le serveur, qui s'en
 * sert pour une page dont Astro n'a pas écrit la politique.
 *
 * img-src accepte data: pour les icônes du DSFR incrustées dans le CSS.
 */
export const DIRECTIVES_DES_PAGES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
  "frame-ancestors 'self'",
] as const
