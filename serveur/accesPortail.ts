/**
 * Ce que le serveur fait des adresses liées à la connexion, avant toute page.
 *
 * L'admin de Payload a ses propres écrans de connexion, de déconnexion et de
 * premier accès ; ils sont remplacés par ceux du portail, pour un seul
 * mécanisme de session (cms/auth/) et un seul écran à sécuriser.
 */
const REDIRECTIONS_ADMIN: Record<string, string> = {
  '/admin/login': '/connexion?retour=%2Fadmin',
  '/admin/logout': '/deconnexion',
  '/admin/logout-inactivity': '/connexion?retour=%2Fadmin',
  '/admin/create-first-user': '/installation',
  '/admin/forgot': '/connexion',
}

export function redirectionAdmin(chemin: string): string | undefined {
  const sansBarre = chemin.length > 1 ? chemin.replace(/\/+$/, '') : chemin
  if (sansBarre.startsWith('/admin/reset')) return '/connexion'
  return REDIRECTIONS_ADMIN[sansBarre]
}

/**
 * Avec PORTAIL_ACCES=connecte, toute adresse exige une session, sauf celles
 * qui servent à en ouvrir une (et les ressources de mise en page qu'elles
 * chargent : feuilles de style, scripts, polices, icônes, sans contenu).
 */
const LIBRES = [/^\/connexion(\/|$)/, /^\/deconnexion(\/proconnect)?$/, /^\/installation$/, /^\/invitation\//, /^\/sante(\/|$)/, /^\/_astro\//, /^\/_next\/static\//]
const ICONES = new Set(['/favicon.svg', '/favicon.ico', '/apple-touch-icon.png', '/robots.txt'])

export const libreSansSession = (chemin: string) => ICONES.has(chemin) || LIBRES.some((r) => r.test(chemin))
